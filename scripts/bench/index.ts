/**
 * `kb bench`: a complete build (extract, pages, search index) of N corpus articles in a
 * temporary project, measured per stage, with peak memory of the whole process tree;
 * `--rebuild-one` then edits one article and rebuilds from the extraction cache.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBenchArticles, type CorpusName } from './corpus.ts';
import { formatReport, summarize, type BenchReport } from './report.ts';
import { measureModelStart } from './model-start.ts';
import { runBuild } from './run-build.ts';
import { createWorkspace, measureTree, removeWorkspace } from './workspace.ts';
import { recordCleanup, settleDisk } from './disk.ts';

export interface BenchOptions {
  corpus: CorpusName;
  articles: number;
  rebuildOne?: boolean;
  json?: boolean;
  /** Keep the temporary project for inspection. */
  keep?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Wait for a disk slow to create files to settle before building (default: true). */
  wait?: boolean;
}

const note = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Runs the benchmark, prints its report and returns it. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  note(`reading ${options.articles} ${options.corpus} articles`);
  const workspace = createWorkspace(loadBenchArticles(options.corpus, options.articles));
  const env: Record<string, string> = { ...workspace.env };
  if (options.workers) env.KB_WORKERS = String(options.workers);
  try {
    const disk = await settleDisk(workspace.root, { wait: options.wait !== false, note });
    note(`building in ${workspace.root}`);
    const run = await runBuild(env);
    const output = measureTree(workspace.env.KB_OUT!);
    const report = summarize(options.corpus, run, output.pages, output, measureModelStart());
    report.disk = disk;
    if (options.rebuildOne) {
      const first = readdirSync(workspace.articlesDir).sort()[0]!;
      appendFileSync(join(workspace.articlesDir, first), '\nAn added closing paragraph.\n');
      note(`edited ${first}; rebuilding`);
      const again = await runBuild(env);
      report.rebuildOne = {
        seconds: Object.fromEntries(
          Object.entries(again.seconds).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
        ),
        extracted: again.stats.extracted,
        cached: again.stats.cached,
      };
    }
    console.log(options.json ? JSON.stringify(report) : formatReport(report));
    return report;
  } finally {
    if (options.keep) note(`kept ${workspace.root}`);
    else {
      removeWorkspace(workspace);
      recordCleanup();
    }
  }
}
