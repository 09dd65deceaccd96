/** The benchmark's figures: computed once, printed as a table or as one JSON object. */
import { availableParallelism } from 'node:os';
import type { BuildRun } from './run-build.ts';

export interface BenchReport {
  corpus: string;
  articles: number;
  pages: number;
  entities: number;
  cores: number;
  workers: number;
  seconds: Record<string, number>;
  articlesPerSecond: number;
  pagesPerSecond: number;
  /**
   * Tokens per second of segment + recognize per core: tokens over the thread CPU
   * seconds of those two stages summed over workers, so other processes' load on the
   * machine does not lower it (issue 3).
   */
  tokensPerSecondPerCore: number;
  /** The same over the threads' wall seconds, which count waiting for a busy core too. */
  tokensPerSecondPerThreadWall: number;
  tokens: number;
  /** Articles extracted in this run, and served from the extraction cache (0 in a fresh bench). */
  extracted: number;
  cached: number;
  /** Seconds to load the NER model and tag a first sentence (each worker pays it once). */
  modelStart: { wall: number; cpu: number };
  peakRssMb: number;
  /** CPU seconds of the build's Node processes (not Pagefind), user and kernel (Linux only). */
  cpu?: { user: number; kernel: number };
  output: { files: number; megabytes: number };
  /** File creation just before the build, and the wait for a slow disk to settle. */
  disk?: { creationMicros: number; waitedSeconds: number; slowAbove: number };
  rebuildOne?: { seconds: Record<string, number>; extracted: number; cached: number };
}

const STAGES = [
  'startup',
  'read',
  'segment',
  'recognize',
  'quotes',
  'extract',
  'resolve',
  'relate',
  'assemble',
  'versions',
  'cite',
  'emit',
  'render',
  'index',
];
/** Stages timed per article on the thread that ran it, in CPU time summed over threads. */
const PER_ARTICLE = ['segment', 'recognize', 'quotes'];
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Turns a build run and its output size into the report's figures. */
export function summarize(
  corpus: string,
  run: BuildRun,
  pages: number,
  output: { files: number; bytes: number },
  modelStart: { wall: number; cpu: number },
): BenchReport {
  const s = run.seconds;
  const total = s.total ?? run.wallSeconds;
  const tagging = (s.segment ?? 0) + (s.recognize ?? 0);
  const taggingWall = (s.segmentWall ?? 0) + (s.recognizeWall ?? 0);
  return {
    corpus,
    articles: run.stats.articles,
    pages,
    entities: run.stats.entities,
    cores: availableParallelism(),
    workers: run.stats.workers,
    seconds: {
      ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)])),
      total: round(total),
      // The contract's summary: all stages before Astro, then Astro's two halves.
      extract: round(total - (s.render ?? 0) - (s.index ?? 0)),
      extractArticles: round(s.extract ?? 0),
    },
    articlesPerSecond: round(run.stats.articles / total, 1),
    pagesPerSecond: round(pages / total, 1),
    tokens: run.stats.tokens,
    extracted: run.stats.extracted,
    cached: run.stats.cached,
    tokensPerSecondPerCore: tagging ? Math.round(run.stats.tokens / tagging) : 0,
    tokensPerSecondPerThreadWall: taggingWall ? Math.round(run.stats.tokens / taggingWall) : 0,
    modelStart: { wall: round(modelStart.wall, 3), cpu: round(modelStart.cpu, 3) },
    peakRssMb: Math.round(run.peakRssBytes / 2 ** 20),
    ...(run.cpu && { cpu: run.cpu }),
    output: { files: output.files, megabytes: round(output.bytes / 2 ** 20, 1) },
  };
}

/** Human-readable table of a report. */
export function formatReport(report: BenchReport): string {
  const s = report.seconds;
  const stage = (name: string) => {
    const label =
      name === 'extract'
        ? 'extract (per-article, wall)'
        : name === 'startup'
          ? 'startup (Node, loading)'
          : PER_ARTICLE.includes(name)
            ? `${name} (CPU, all threads)`
            : name;
    const value = name === 'extract' ? s.extractArticles : s[name];
    return `  ${label.padEnd(28)} ${(value ?? 0).toFixed(2).padStart(8)} s`;
  };
  const lines = [
    `kb bench: ${report.articles} ${report.corpus} articles → ${report.pages} pages (${report.entities} entities), ${report.workers} worker(s) on ${report.cores} core(s)`,
    ...STAGES.map(stage),
    `  ${'total'.padEnd(28)} ${s.total!.toFixed(2).padStart(8)} s  (before Astro ${s.extract!.toFixed(2)} s)`,
    `articles/s ${report.articlesPerSecond}   pages/s ${report.pagesPerSecond}`,
    `segment+recognize ${report.tokens} tokens of ${report.extracted} articles extracted now (${report.cached} from cache): ${report.tokensPerSecondPerCore} tokens/s per core (thread CPU time; ${report.tokensPerSecondPerThreadWall} per thread in wall time)`,
    `model start-up ${report.modelStart.wall.toFixed(3)} s wall, ${report.modelStart.cpu.toFixed(3)} s CPU (load, first sentence)`,
    `peak RSS ${report.peakRssMb} MB (build process, workers and Pagefind)`,
    ...(report.cpu ? [cpuLine(report.cpu)] : []),
    `output ${report.output.files} files, ${report.output.megabytes} MB`,
    ...(report.disk ? [diskLine(report.disk)] : []),
  ];
  if (report.rebuildOne) {
    const r = report.rebuildOne.seconds;
    lines.push(
      `rebuild after editing one article: extraction ${(r.extract ?? 0).toFixed(2)} s ` +
        `(${report.rebuildOne.extracted} extracted, ${report.rebuildOne.cached} from cache); ` +
        `before Astro ${(r.total! - (r.render ?? 0) - (r.index ?? 0)).toFixed(2)} s; total ${r.total!.toFixed(2)} s`,
    );
  }
  return lines.join('\n');
}

/** The build's CPU time, user and kernel: kernel time is mostly the file system's. */
function cpuLine(cpu: { user: number; kernel: number }): string {
  const share = cpu.kernel / (cpu.user + cpu.kernel || 1);
  return `CPU ${cpu.user.toFixed(1)} s user, ${cpu.kernel.toFixed(1)} s kernel (${Math.round(share * 100)} %) in the build's Node processes`;
}

/** How fast the disk created files before the build, and how long the bench waited for it. */
function diskLine(disk: {
  creationMicros: number;
  waitedSeconds: number;
  slowAbove: number;
}): string {
  const waited =
    disk.waitedSeconds >= 1
      ? ` after waiting ${Math.round(disk.waitedSeconds)} s for it to settle`
      : '';
  const slow = disk.creationMicros > disk.slowAbove ? ' (slow: see above)' : '';
  return `disk: a file or folder created in ${disk.creationMicros} µs before the build${waited}${slow}`;
}
