/** `kb build`: content/ → dist/ (extract, render, index); a portable copy on request. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildSite } from '../../build/build.ts';
import { loadConfig, ROOT } from '../../core/config.ts';
import { writePortableBuild } from '../../portable/command.ts';
import { OFFLINE_ZIP_ENV } from '../../portable/names.ts';

interface BuildCommandOptions {
  strict?: boolean;
  out?: string;
  quiet?: boolean;
  portable?: boolean;
  zip?: boolean;
}

export function register(program: Command): void {
  program
    .command('build')
    .description('build the site from content/ into dist/ (extract, render, search index)')
    .option('--strict', 'exit non-zero when any content file has a problem')
    .option('--out <dir>', 'write the site here instead of dist/ (with --portable: the copy)')
    .option('-q, --quiet', 'print only warnings and the summary')
    .option('--portable', 'also write a copy that works opened from disk (file://) to --out')
    .option('--zip', 'zip the portable copy into the site as offline.zip, linked in its footer')
    .action(async (options: BuildCommandOptions) => {
      try {
        if (options.portable && !options.out)
          throw new Error('--portable needs --out <dir> for the copy (or use --zip alone)');
        // With --portable, --out names the copy; the site goes where it always does.
        const hostedDir = resolveHosted(options.portable ? undefined : options.out);
        if (options.zip) process.env[OFFLINE_ZIP_ENV] = '1';
        await buildSite({ strict: options.strict, outDir: hostedDir, quiet: options.quiet });
        if (options.portable || options.zip) {
          const config = loadConfig();
          await writePortableBuild({
            hostedDir,
            base: config.base,
            out: options.portable ? options.out : undefined,
            zip: options.zip,
            epoch: config.sourceDateEpoch,
          });
        }
      } catch (error) {
        console.error(`error: ${(error as Error).message}`);
        if (process.env.KB_DEBUG) console.error((error as Error).stack);
        process.exitCode = 1;
      }
    });
}

/** The same default as `buildSite`: `--out`, else `KB_OUT`, else `dist/`. */
function resolveHosted(out: string | undefined): string {
  return resolve(out ?? process.env.KB_OUT ?? join(ROOT, 'dist'));
}
