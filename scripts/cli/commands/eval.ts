/**
 * `kb eval`: extraction quality on real annotated news in ../shared/corpora (dev splits;
 * `--final` adds the test splits, to be read once for a reported figure) and on the
 * seed story against the team's gold list.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { ROOT } from '../../core/config.ts';
import { SUITES, type EvalOptions, type Suite } from '../../eval/suites.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('print extraction quality on the annotated corpora and the seed story')
    .option('--corpora <dir>', 'folder of corpora', join(ROOT, '../shared/corpora'))
    .option('--only <suites>', `comma-separated: ${SUITES.join(',')}`)
    .option('--final', 'also score the test splits (read them once, to report a final figure)')
    .option(
      '--cross',
      'EWN: train a model per outlet fold and score each fold with the model that never saw it (about a minute)',
    )
    .option(
      '--errors [examples]',
      'EWN dev: recognition errors, PolNeAR dev: wrong speakers, ECB+ dev: clustering errors, by category, with this many examples each (default 3)',
    )
    .action(async (options: EvalOptions) => {
      const suites = (options.only?.split(',') ?? [...SUITES]) as Suite[];
      const unknown = suites.filter((s) => !SUITES.includes(s));
      if (unknown.length) {
        console.error(
          `error: unknown suite(s) ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`,
        );
        process.exitCode = 2;
        return;
      }
      const { runEval } = await import('../../eval/run.ts');
      await runEval(suites, options);
    });
}
