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
    expect(text).toMatch(/large kernel share is slow file creation/);
    const clean = { ...run, cpu: { user: 34, kernel: 6 } };
    const cleanText = formatReport(
      summarize('mixed', clean, 50, { files: 60, bytes: 1 }, { wall: 0, cpu: 0 }),
    );
    expect(cleanText).toMatch(/6\.0 s kernel \(15 %\)/);
    expect(cleanText).not.toMatch(/kernel share/);
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
