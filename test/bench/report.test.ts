import { describe, expect, it } from 'vitest';
import { formatReport, summarize } from '../../scripts/bench/report.ts';
import type { BuildRun } from '../../scripts/bench/run-build.ts';

/** A build whose threads spent 2 s of CPU but 8 s of wall time on segment + recognize. */
const run: BuildRun = {
  wallSeconds: 30,
  seconds: {
    segment: 0.5,
    recognize: 1.5,
    quotes: 0.2,
    segmentWall: 2,
    recognizeWall: 6,
    quotesWall: 1,
    extract: 5,
    render: 10,
    index: 3,
    total: 25,
  },
  stats: { articles: 100, entities: 40, extracted: 100, cached: 0, tokens: 300_000, workers: 2 },
  peakRssBytes: 2 ** 30,
  cpu: { user: 30, kernel: 10 },
};

describe('bench report', () => {
  it('gives tokens per second per core from thread CPU time, and the wall figure beside it', () => {
    const report = summarize(
      'mixed',
      run,
      50,
      { files: 60, bytes: 2 ** 20 },
      { wall: 0.2, cpu: 0.1 },
    );
    expect(report.tokensPerSecondPerCore).toBe(150_000);
    expect(report.tokensPerSecondPerThreadWall).toBe(37_500);
    const text = formatReport(report);
    expect(text).toMatch(/recognize \(CPU, all threads\)\s+1\.50 s/);
    expect(text).toMatch(/100 articles extracted now \(0 from cache\): 150000 tokens\/s per core/);
    expect(text).toMatch(/model start-up 0\.200 s wall/);
    expect(report.cpu).toEqual({ user: 30, kernel: 10 });
    expect(text).toMatch(/CPU 30\.0 s user, 10\.0 s kernel \(25 %\) in the build/);
  });
});

describe('bench CPU time', () => {
  it("reads the CPU time of the children this process has waited for, across one child's life", async () => {
    const { childrenCpu, cpuBetween } = await import('../../scripts/bench/cpu.ts');
    const { spawnSync } = await import('node:child_process');
    const before = childrenCpu();
    if (!before) return; // not Linux: the bench prints no CPU line
    // A child that spends about 0.3 s of its own CPU time, then is waited for.
    spawnSync(process.execPath, ['-e', 'const end = Date.now() + 300; while (Date.now() < end);']);
    const spent = cpuBetween(before, childrenCpu())!;
    expect(spent.user + spent.kernel).toBeGreaterThan(0.2);
    expect(spent.user + spent.kernel).toBeLessThan(5);
  });
});

describe('bench disk probe', () => {
  it('times creating folders and files in the workspace, and keeps what it made', async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { settleDisk, settledPace, slowAbove } = await import('../../scripts/bench/disk.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kb-disk-'));
    try {
      const notes: string[] = [];
      const paceFile = join(dir, 'cache', 'disk.json');
      expect(slowAbove(paceFile)).toBe(50);
      const state = await settleDisk(dir, { wait: false, note: (m) => notes.push(m), paceFile });
      expect(state.creationMicros).toBeGreaterThan(0);
      expect(state.waitedSeconds).toBeLessThan(5);
      expect(readdirSync(join(dir, 'probe-0'))).toHaveLength(1000);
      // Without a wait, only a slow disk is worth a word.
      expect(notes.length).toBe(state.creationMicros > 50 ? 1 : 0);
      // The pace seen is kept: twice it is slow from now on.
      expect(settledPace(paceFile)).toBeCloseTo(state.creationMicros, 1);
      expect(slowAbove(paceFile)).toBeCloseTo(2 * state.creationMicros, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits after the last bench run removed its folder until the kernel forgets those files', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { recordCleanup, settleDisk, RECENTLY_DELETED_MS } =
      await import('../../scripts/bench/disk.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kb-disk-'));
    try {
      const paceFile = join(dir, 'disk.json');
      // A cleanup long enough ago that 0.6 s of the wait is left.
      recordCleanup(paceFile, Date.now() - RECENTLY_DELETED_MS + 600);
      const notes: string[] = [];
      const started = Date.now();
      await settleDisk(dir, { wait: true, note: (m) => notes.push(m), paceFile, maxWaitMs: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(notes[0]).toMatch(/the last bench run removed its folder \d+ s ago/);
      // Without a wait: at once.
      recordCleanup(paceFile);
      const quick = Date.now();
      await settleDisk(join(dir, 'again'), { wait: false, note: () => {}, paceFile });
      expect(Date.now() - quick).toBeLessThan(RECENTLY_DELETED_MS / 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the file creation time and the wait', () => {
    const report = summarize('mixed', run, 50, { files: 60, bytes: 1 }, { wall: 0, cpu: 0 });
    report.disk = { creationMicros: 34.2, waitedSeconds: 95.3, slowAbove: 60 };
    expect(formatReport(report)).toMatch(
      /disk: a file or folder created in 34\.2 µs before the build after waiting 95 s for it to settle$/m,
    );
    report.disk = { creationMicros: 160, waitedSeconds: 0, slowAbove: 60 };
    expect(formatReport(report)).toMatch(
      /created in 160 µs before the build \(slow: see above\)$/m,
    );
  });
});
