/**
 * Progress for long stages: a bar on a terminal (cli-progress), plain periodic lines
 * in CI logs and pipes, nothing when quiet. Counted stages (extraction) get a bar;
 * stages that report no count (Astro's render, Pagefind's index) get a ticking clock.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(count?: number): void;
  done(): void;
}

/** Seconds between plain lines when stderr is not a terminal (CI logs, pipes). */
const LOG_EVERY_MS = 5000;

const onTerminal = () => Boolean(process.stderr.isTTY) && !process.env.CI;

/** A bar (terminal) or periodic `label: n/total` lines (logs) for `total` items. */
export function startProgress(label: string, total: number, quiet = false): Progress {
  if (quiet || total === 0) return { tick() {}, done() {} };
  if (onTerminal()) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label.padEnd(10)} {bar} {value}/{total} {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
  }
  const started = Date.now();
  let value = 0;
  let last = started;
  return {
    tick(n = 1) {
      value += n;
      if (Date.now() - last > LOG_EVERY_MS) {
        const rate = value / ((Date.now() - started) / 1000);
        process.stderr.write(`${label}: ${value}/${total} (${rate.toFixed(0)}/s)\n`);
        last = Date.now();
      }
    },
    done() {
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`${label}: ${total}/${total} done in ${seconds.toFixed(1)} s\n`);
    },
  };
}

/**
 * A stage without a count: elapsed seconds on one rewritten line (terminal) or a line
 * every few seconds (logs). `done()` prints the stage's time.
 */
export function startStage(label: string, quiet = false): Progress {
  if (quiet) return { tick() {}, done() {} };
  const started = Date.now();
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(0);
  const terminal = onTerminal();
  const timer = setInterval(
    () =>
      process.stderr.write(
        terminal ? `\r${label.padEnd(10)} ${elapsed()} s` : `${label}: ${elapsed()} s\n`,
      ),
    terminal ? 1000 : LOG_EVERY_MS,
  );
  timer.unref();
  return {
    tick() {},
    done() {
      clearInterval(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${terminal ? '\r' : ''}${label}: done in ${seconds} s\n`);
    },
  };
}
