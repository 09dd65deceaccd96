/**
 * Progress for long stages: a bar on a terminal (cli-progress), plain periodic lines
 * in CI logs and pipes, nothing when quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(count?: number): void;
  done(): void;
}

export function startProgress(label: string, total: number, quiet = false): Progress {
  if (quiet || total === 0) return { tick() {}, done() {} };
  if (process.stderr.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label.padEnd(10)} {bar} {value}/{total} {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
  }
  let value = 0;
  let last = Date.now();
  return {
    tick(n = 1) {
      value += n;
      if (Date.now() - last > 5000) {
        process.stderr.write(`${label}: ${value}/${total}\n`);
        last = Date.now();
      }
    },
    done() {
      process.stderr.write(`${label}: ${total}/${total} done\n`);
    },
  };
}
