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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Where the fastest creation seen on this machine is kept, the disk's settled pace: a
 * disk is unsettled while creating is more than twice as slow. Until a pace is known,
 * over `SLOW_CREATION_MICROS`.
 */
const PACE_FILE = fileURLToPath(
  new URL('../../node_modules/.cache/dossier-bench/disk.json', import.meta.url),
);
export const SLOW_CREATION_MICROS = 50;
const SLOWER_THAN_SETTLED = 2;

interface DiskRecord {
  settledMicros?: number;
  /** When the last bench run had removed its workspace (ms since the epoch). */
  lastCleanup?: number;
}

function readRecord(file: string): DiskRecord {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DiskRecord;
  } catch {
    return {};
  }
}

function writeRecord(file: string, change: DiskRecord): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...readRecord(file), ...change }) + '\n');
  } catch {
    // A read-only checkout: the absolute threshold serves, and no wait after a cleanup.
  }
}

/** The settled pace recorded in `file`, if any. */
export function settledPace(file = PACE_FILE): number | undefined {
  const pace = readRecord(file).settledMicros;
  return typeof pace === 'number' && pace > 0 ? pace : undefined;
}

/** Keeps `micros` as the settled pace if it is faster than the one known, or `always`. */
function recordPace(micros: number, file: string, always = false): void {
  const known = settledPace(file);
  if (!always && known !== undefined && known <= micros) return;
  writeRecord(file, { settledMicros: Math.round(micros * 10) / 10 });
}

/**
 * Notes that a bench run has just removed its workspace: the next run waits until the
 * kernel can no longer count those files as recently deleted (`RECENTLY_DELETED_MS`). A
 * probe alone missed it: one read 25 µs a file 16 s after a deletion, and the build
 * that followed still spent twice the usual time in the kernel (60.6 s in all).
 */
export function recordCleanup(file = PACE_FILE, at = Date.now()): void {
  writeRecord(file, { lastCleanup: at });
}

/** 60 s, and 300 s more while an inode's table block is unwritten (ext4's `recently_deleted`), with a margin. */
export const RECENTLY_DELETED_MS = 370_000;

/** Microseconds per file above which the disk is taken as unsettled. */
export function slowAbove(file = PACE_FILE): number {
  const pace = settledPace(file);
  return pace === undefined ? SLOW_CREATION_MICROS : SLOWER_THAN_SETTLED * pace;
}

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
  /** Above how many microseconds a file the disk was taken as unsettled. */
  slowAbove: number;
}

/**
 * Probes file creation in `dir`; while it is slow, waits (probing every 15 s, at most
 * `maxWaitMs`) unless `wait` is false. `note` says what it does.
 */
export async function settleDisk(
  dir: string,
  options: {
    wait: boolean;
    note: (message: string) => void;
    maxWaitMs?: number;
    paceFile?: string;
  },
): Promise<DiskState> {
  const started = Date.now();
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  const paceFile = options.paceFile ?? PACE_FILE;
  const slow = slowAbove(paceFile);
  const cleanup = readRecord(paceFile).lastCleanup;
  const left = typeof cleanup === 'number' ? cleanup + RECENTLY_DELETED_MS - Date.now() : 0;
  if (left > 0 && options.wait) {
    options.note(
      `the last bench run removed its folder ${Math.round((Date.now() - cleanup!) / 1000)} s ago; ` +
        'on some file systems (ext4 without a journal) files deleted in the last 6 minutes slow ' +
        `every new one: waiting ${Math.round(left / 1000)} s (--no-wait measures now)`,
    );
    await sleep(left);
  }
  let round = 0;
  let micros = probeCreation(dir, `probe-${round++}`);
  recordPace(micros, paceFile);
  if (micros > slow && options.wait)
    options.note(
      `creating a file takes ${Math.round(micros)} µs now (settled: under ${Math.round(slow)}); ` +
        'many files were deleted in the last minutes, which slows every new one on some file ' +
        `systems (ext4 without a journal): waiting for it to settle, at most ${maxWait / 60_000} min ` +
        '(--no-wait measures now)',
    );
  while (micros > slow && options.wait && Date.now() - started < maxWait) {
    await sleep(PROBE_EVERY_MS);
    micros = probeCreation(dir, `probe-${round++}`);
    recordPace(micros, paceFile);
    options.note(`${Math.round((Date.now() - started) / 1000)} s: ${Math.round(micros)} µs a file`);
  }
  // A disk that does not get faster in the longest wait is as fast as it gets: its pace.
  if (micros > slow && options.wait) recordPace(micros, paceFile, true);
  if (micros > slow)
    options.note(
      `creating a file ${options.wait ? 'still takes' : 'takes'} ${Math.round(micros)} µs ` +
        `(settled: under ${Math.round(slow)}): this run's times are the disk's as much as the build's`,
    );
  return {
    creationMicros: Math.round(micros * 10) / 10,
    waitedSeconds: Math.round((Date.now() - started) / 100) / 10,
    slowAbove: Math.round(slow * 10) / 10,
  };
}
