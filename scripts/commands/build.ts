/** `kb build`: content/ → dist/ (extract, render, index). */
import type { Command } from 'commander';
import { buildSite } from '../build.ts';

export function register(program: Command): void {
  program
    .command('build')
    .description('build the site from content/ into dist/ (extract, render, search index)')
    .option('--strict', 'exit non-zero when any content file has a problem')
    .option('--out <dir>', 'write the site here instead of dist/')
    .option('-q, --quiet', 'print only warnings and the summary')
    .action(async (options: { strict?: boolean; out?: string; quiet?: boolean }) => {
      try {
        await buildSite({ strict: options.strict, outDir: options.out, quiet: options.quiet });
      } catch (error) {
        console.error(`error: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    });
}
