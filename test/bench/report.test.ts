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
  });
});
