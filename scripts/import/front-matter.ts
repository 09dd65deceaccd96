/** The front matter Dossier writes: merged, validated, ordered, serialized as YAML. */
import matter from 'gray-matter';
import { ArticleFrontMatterSchema } from '../core/schema.ts';
import { ImportError, type DetectedFrontMatter } from './types.ts';

/** Facts the user gives on the command line; each replaces what was detected. */
export interface FrontMatterOverrides {
  publisher?: string;
  authors?: string[];
  date?: string;
  url?: string;
  language?: string;
}

/**
 * Problems with the command line facts themselves (e.g. `--date 3/9/22`), one message
 * per bad option, so that they are reported once rather than for every file.
 */
export function checkOverrides(overrides: FrontMatterOverrides): string[] {
  const result = ArticleFrontMatterSchema.partial().safeParse(overrides);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const option = key === 'authors' ? '--author' : `--${key}`;
    return `${option}: ${issue.message}`;
  });
}

/** The schema's keys, in the order they are written. */
const ORDER = ['title', 'publisher', 'authors', 'date', 'url', 'language', 'note'] as const;

/**
 * Merges detected facts with overrides and validates the result with
 * `ArticleFrontMatterSchema`. Returns the front matter in schema order, unknown (not
 * set) facts left out, extra keys of a markdown source after the known ones. Throws an
 * `ImportError` naming each invalid field.
 */
export function buildFrontMatter(
  detected: DetectedFrontMatter,
  overrides: FrontMatterOverrides = {},
): Record<string, unknown> {
  const given = Object.fromEntries(
    Object.entries(overrides).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && !value.length),
    ),
  );
  const merged: Record<string, unknown> = { ...detected, ...given };
  const result = ArticleFrontMatterSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`,
    );
    throw new ImportError(
      `has invalid front matter (${problems.join('; ')}); fix the source or pass the right --option`,
    );
  }
  const valid: Record<string, unknown> = result.data;
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = valid[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  for (const [key, value] of Object.entries(merged)) {
    if (
      !(key in ordered) &&
      !ORDER.includes(key as (typeof ORDER)[number]) &&
      value !== undefined
    ) {
      ordered[key] = value;
    }
  }
  return ordered;
}

/**
 * gray-matter hands its options on to js-yaml's `safeDump`, but its types do not say so;
 * `lineWidth: -1` keeps long titles and notes on one line instead of folded.
 */
const stringify = matter.stringify as (
  content: string,
  data: object,
  options: { lineWidth: number },
) => string;

/**
 * The text of `content/articles/<slug>.md`: YAML front matter (serialized by js-yaml via
 * gray-matter, so quotes and colons are safe), a blank line, the body, a final newline.
 */
export function renderArticle(frontMatter: Record<string, unknown>, body: string): string {
  return stringify(`\n${body.trim()}\n`, frontMatter, { lineWidth: -1 });
}
