/**
 * How fast the file system creates files, measured before a benchmark build, and a wait
 * for it to settle when it is slow. A site of 10,000 articles is some 120,000 files and
 * folders. On ext4 without a journal, for some minutes after many files were deleted (a
 * site, the last bench run's folder), the kernel skips over the freed inodes one block
 * lookup each whenever it creates a file (`recently_deleted`): here a folder and its file
 * took 25-35 µs each on a settled disk and 120-300 µs in the minutes after thousands were
 * deleted, and the same build of 10,000 articles took 62-87 s instead of 50-54 (README,
 * "Speed at scale"). Measuring then would time the disk's state, not the build, so the
 * bench waits for it, and says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Above this many microseconds per folder or file created, the disk is taken as unsettled. */
export const SLOW_CREATION_MICROS = 100;
/** Folders (each with one file) a probe creates. */
const PROBE_FOLDERS = 1000;
const PROBE_EVERY_MS = 15_000;
/**
 * The longest wait. The kernel counts a deletion recent for 60 s, and 300 s more while the
 * inodes' table block is unwritten: here the disk settled 6-7 minutes after a deletion.
 */
export const MAX_WAIT_MS = 8 * 60_000;

/**
 * Creates `PROBE_FOLDERS` folders holding a small file each under `dir/<name>` and
 * returns the time per folder or file, in microseconds. The files stay (the workspace
 * they are in is removed with the rest): deleting them would unsettle the disk again.
 */
export function probeCreation(dir: string, name: string): number {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  const started = process.hrtime.bigint();
  for (let i = 0; i < PROBE_FOLDERS; i++) {
    const folder = join(root, String(i));
    mkdirSync(folder);
    writeFileSync(join(folder, 'index.html'), '<!doctype html>\n');
  }
  return Number(process.hrtime.bigint() - started) / 1000 / (2 * PROBE_FOLDERS);
}

export interface DiskState {
  /** Microseconds per folder or file created, just before the build. */
  creationMicros: number;
  /** Seconds waited for the disk to settle. */
  waitedSeconds: number;
}

/**
 * Probes file creation in `dir`; while it is slow, waits (probing every 15 s, at most
 * `maxWaitMs`) unless `wait` is false. `note` says what it does.
 */
export async function settleDisk(
  dir: string,
  options: { wait: boolean; note: (message: string) => void; maxWaitMs?: number },
): Promise<DiskState> {
  const started = Date.now();
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  let round = 0;
  let micros = probeCreation(dir, `probe-${round++}`);
  if (micros > SLOW_CREATION_MICROS && options.wait)
    options.note(
      `creating a file takes ${Math.round(micros)} µs now (a settled disk: under ${SLOW_CREATION_MICROS}); ` +
        'many files were deleted in the last minutes, which slows every new one on some file ' +
        `systems (ext4 without a journal): waiting for it to settle, at most ${maxWait / 60_000} min ` +
        '(--no-wait measures now)',
    );
  while (micros > SLOW_CREATION_MICROS && options.wait && Date.now() - started < maxWait) {
    await sleep(PROBE_EVERY_MS);
    micros = probeCreation(dir, `probe-${round++}`);
    options.note(`${Math.round((Date.now() - started) / 1000)} s: ${Math.round(micros)} µs a file`);
  }
  if (micros > SLOW_CREATION_MICROS)
    options.note(
      `creating a file still takes ${Math.round(micros)} µs: this run's times are the disk's as much as the build's`,
    );
  return {
    creationMicros: Math.round(micros * 10) / 10,
    waitedSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
