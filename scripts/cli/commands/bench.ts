/** `kb bench`: build a site from N corpus articles and print per-stage figures. */
import { InvalidArgumentError, type Command } from 'commander';
import { runBench } from '../../bench/index.ts';
import { CORPORA, type CorpusName } from '../../bench/corpus.ts';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

function corpus(value: string): CorpusName {
  if (!CORPORA.includes(value as CorpusName)) {
    throw new InvalidArgumentError(`must be one of ${CORPORA.join(', ')}`);
  }
  return value as CorpusName;
}

export function register(program: Command): void {
  program
    .command('bench')
    .description(
      'build a site from N corpus articles in a temporary folder; print per-stage times, throughput and peak memory',
    )
    .option('--corpus <name>', `articles from ${CORPORA.join(' | ')}`, corpus, 'mixed')
    .option('--articles <n>', 'how many articles', positive, 2000)
    .option('--rebuild-one', 'then edit one article and rebuild (incremental extraction)')
    .option('--workers <n>', 'extraction worker threads (default: one per core)', positive)
    .option('--json', 'print one JSON object')
    .option('--keep', 'keep the temporary folder')
    .option(
      '--no-wait',
      'build at once even when the disk is slow to create files (after many were deleted)',
    )
    .action(
      async (options: {
        corpus: CorpusName;
        articles: number;
        rebuildOne?: boolean;
        workers?: number;
        json?: boolean;
        keep?: boolean;
        wait: boolean;
      }) => {
        try {
          await runBench(options);
        } catch (error) {
          console.error(`error: ${(error as Error).message}`);
          process.exitCode = 1;
        }
      },
    );
}
