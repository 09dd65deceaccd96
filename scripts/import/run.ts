/** `kb import` end to end: sources → converted → validated → written, one line each. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { slugify } from '../core/ids.ts';
import { convertSource } from './convert.ts';
import { countParagraphs } from './count.ts';
import { buildFrontMatter, renderArticle, type FrontMatterOverrides } from './front-matter.ts';
import { placeArticle } from './write.ts';
import { collectSources } from './sources.ts';
import { ImportError } from './types.ts';

export interface ImportOptions extends FrontMatterOverrides {
  /** Folder for the articles; `content/articles` by default. */
  out?: string;
  recursive?: boolean;
  dryRun?: boolean;
}

/** Where messages go; tests pass their own. */
export interface ImportLog {
  info: (line: string) => void;
  error: (line: string) => void;
}

/** A path as the user would type it: relative to the working directory. */
function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') || path === '' ? file : path;
}

/** Completes "cannot import <file>: it …" for any error, so one bad file never stops the run. */
function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return `cannot be read (${code}; check that it is a readable file)`;
  return `failed unexpectedly (${error instanceof Error ? error.message : String(error)}; please report this)`;
}

/**
 * Imports every source named by `args`. Each one prints one line; a failing one does
 * not stop the others. Returns the number of sources that failed.
 */
export function importSources(
  args: string[],
  options: ImportOptions = {},
  log: ImportLog = { info: console.log, error: console.error },
): number {
  const outDir = options.out ?? 'content/articles';
  const { publisher, authors, date, url, language } = options;
  const overrides: FrontMatterOverrides = { publisher, authors, date, url, language };
  const planned = new Map<string, string>();
  let failed = 0;
  for (const source of collectSources(args, options.recursive)) {
    if ('problem' in source) {
      log.error(`cannot import ${source.file}: it ${source.problem}`);
      failed += 1;
      continue;
    }
    try {
      const converted = convertSource(source.file, readFileSync(source.file));
      const frontMatter = buildFrontMatter(converted.frontMatter, overrides);
      const text = renderArticle(frontMatter, converted.body);
      const title = String(frontMatter.title);
      const placement = placeArticle(outDir, slugify(title), text, {
        dryRun: options.dryRun,
        planned,
      });
      const verb =
        placement.status === 'unchanged'
          ? 'unchanged'
          : options.dryRun
            ? 'would import'
            : 'imported';
      const count = countParagraphs(converted.body);
      log.info(
        `${verb} ${source.file} → ${shown(placement.file)} (${JSON.stringify(title)}, ${count} paragraph${count === 1 ? '' : 's'})`,
      );
      if (options.dryRun && placement.status === 'written') log.info(text);
    } catch (error) {
      log.error(`cannot import ${source.file}: it ${reasonOf(error)}`);
      failed += 1;
    }
  }
  return failed;
}
