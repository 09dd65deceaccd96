/** Placing an article file: the first free `<slug>.md`, `<slug>-2.md`, … */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';

export interface Placement {
  /** Where the article is (or would be) written. */
  file: string;
  /** `unchanged` when that file already holds this article (see `isSameArticle`). */
  status: 'written' | 'unchanged';
}

/**
 * True when `existing` is the article `text` would write: the same text, or the same body
 * with every field we write present and equal, fields added by hand (a `note`) kept.
 * Otherwise re-importing a source after annotating its article would duplicate it.
 */
export function isSameArticle(existing: string, text: string): boolean {
  if (existing === text) return true;
  try {
    // Options object: gray-matter caches parses by content without one.
    const before = matter(existing, {});
    const after = matter(text, {});
    return (
      before.content.trim() === after.content.trim() &&
      Object.entries(after.data).every(([key, value]) => isDeepStrictEqual(before.data[key], value))
    );
  } catch {
    return false;
  }
}

/**
 * Chooses the file for an article and, unless `dryRun`, writes it. An existing file
 * holding the same article is left alone (`unchanged`); one with other text is never
 * overwritten, the next suffix is tried. `planned` holds the files a dry run would have
 * written, so that two sources with one title get different names there too.
 */
export function placeArticle(
  outDir: string,
  slug: string,
  text: string,
  options: { dryRun?: boolean; planned?: Map<string, string> } = {},
): Placement {
  const planned = options.planned ?? new Map<string, string>();
  for (let n = 1; ; n++) {
    const file = join(outDir, n === 1 ? `${slug}.md` : `${slug}-${n}.md`);
    const existing =
      planned.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    if (existing !== undefined && isSameArticle(existing, text))
      return { file, status: 'unchanged' };
    if (existing !== undefined) continue;
    planned.set(file, text);
    if (!options.dryRun) {
      mkdirSync(outDir, { recursive: true });
      // 'wx' fails instead of overwriting if another process created the file meanwhile.
      writeFileSync(file, text, { flag: 'wx' });
    }
    return { file, status: 'written' };
  }
}
