/** `kb import <file|dir>…`: plain text, markdown and saved web pages → `content/articles/`. */
import type { Command } from 'commander';
import type { ImportOptions } from '../../import/run.ts';

/** Commander collects a repeatable option into a list. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `kb import`. Exit code 1 when any source could not be imported. */
export function register(program: Command): void {
  program
    .command('import')
    .description('import .txt, .md and saved .html articles into content/articles/')
    .argument('<paths...>', 'files or folders (a folder imports its supported files, sorted)')
    .option('--publisher <name>', 'publisher, e.g. "The Washington Post" (overrides detection)')
    .option('--date <yyyy-mm-dd>', 'publication date (overrides detection)')
    .option('--author <name>', 'an author; repeat for several (overrides detection)', collect, [])
    .option('--url <url>', 'address of the original article (overrides detection)')
    .option('--language <tag>', 'BCP 47 language tag of the text (default: detected or "en")')
    .option('--out <dir>', 'folder to write articles to', 'content/articles')
    .option('-r, --recursive', 'also import files in sub-folders of a folder')
    .option('--dry-run', 'print what would be written, write nothing')
    .action(async (paths: string[], flags: Record<string, unknown>) => {
      const { checkOverrides } = await import('../../import/front-matter.ts');
      const { importSources } = await import('../../import/run.ts');
      const authors = flags.author as string[];
      const options: ImportOptions = {
        publisher: flags.publisher as string | undefined,
        authors: authors.length ? authors : undefined,
        date: flags.date as string | undefined,
        url: flags.url as string | undefined,
        language: flags.language as string | undefined,
        out: flags.out as string,
        recursive: Boolean(flags.recursive),
        dryRun: Boolean(flags.dryRun),
      };
      const problems = checkOverrides(options);
      if (problems.length) {
        for (const problem of problems) console.error(`kb import: ${problem}`);
        process.exitCode = 1;
        return;
      }
      const failed = importSources(paths, options);
      if (failed > 0) {
        console.error(
          `kb import: ${failed} file${failed === 1 ? '' : 's'} not imported (see above)`,
        );
        process.exitCode = 1;
      }
    });
}
