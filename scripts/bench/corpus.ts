/**
 * Benchmark articles from the shared corpora (`../shared/corpora/`, see its README):
 * BBC News (2,127 once duplicates are dropped) and Reuters-21578 (19,043 `NORM` records
 * with a body). `mixed` interleaves both in proportion, so any prefix is a fair sample.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../core/config.ts';

export type CorpusName = 'bbc' | 'reuters' | 'mixed';
export const CORPORA: readonly CorpusName[] = ['bbc', 'reuters', 'mixed'];

/** One article ready to be written as `content/articles/<slug>.md`. */
export interface BenchArticle {
  slug: string;
  title: string;
  publisher: string;
  date?: string;
  /** Markdown body: paragraphs separated by blank lines. */
  body: string;
}

/** Where the corpora live; `KB_CORPORA` overrides (tests point it at fixtures). */
export function corporaDir(): string {
  return process.env.KB_CORPORA || join(ROOT, '..', 'shared', 'corpora');
}

function readJsonl(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) throw new Error(`${file} is missing (see ../shared/corpora/README.md)`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** BBC records: paragraphs are already blank-line separated; exact duplicates are skipped. */
export function bbcArticles(dir = corporaDir()): BenchArticle[] {
  return readJsonl(join(dir, 'bbc', 'bbc.jsonl'))
    .filter((r) => !r.duplicate_of && String(r.body ?? '').trim())
    .map((r) => ({
      slug: `bbc-${String(r.id).replace(/\W+/g, '-')}`,
      title: String(r.title).trim(),
      publisher: 'BBC News',
      body: String(r.body).trim(),
    }));
}

const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');

/** `26-FEB-1987 15:01:01.79` → `1987-02-26`. */
function reutersDate(raw: unknown): string | undefined {
  const match = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(String(raw ?? ''));
  const month = match ? MONTHS.indexOf(match[2]!) + 1 : 0;
  if (!match || month === 0) return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/**
 * Reuters bodies are fixed-width wire copy: a paragraph starts with an indented line
 * and lines wrap at ~70 columns. Indented lines start paragraphs (indentation would be a
 * code block in markdown), wrapped lines are joined, and the trailing "Reuter" goes.
 */
export function reutersBody(raw: string): string {
  return raw
    .replace(/\s*\bReuter\s*$/i, '')
    .split(/\n[ \t]+/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Reuters `NORM` records with a real body. */
export function reutersArticles(dir = corporaDir()): BenchArticle[] {
  return readJsonl(join(dir, 'reuters21578', 'reuters21578.jsonl'))
    .filter((r) => r.text_type === 'NORM' && String(r.body ?? '').trim())
    .map((r) => ({
      slug: `reuters-${String(r.newid)}`,
      title: String(r.title ?? '').trim() || `Reuters ${String(r.newid)}`,
      publisher: 'Reuters',
      date: reutersDate(r.date),
      body: reutersBody(String(r.body)),
    }))
    .filter((a) => a.body);
}

/** Merges lists so each keeps its share of every prefix (Bresenham-style interleave). */
function interleave<T>(lists: T[][]): T[] {
  const keyed = lists.flatMap((list) =>
    list.map((item, i) => ({ item, at: (i + 0.5) / list.length })),
  );
  return keyed.sort((a, b) => a.at - b.at).map((k) => k.item);
}

/** The first `count` articles of a corpus; throws when it holds fewer. */
export function loadBenchArticles(corpus: CorpusName, count: number): BenchArticle[] {
  const all =
    corpus === 'bbc'
      ? bbcArticles()
      : corpus === 'reuters'
        ? reutersArticles()
        : interleave([bbcArticles(), reutersArticles()]);
  if (count > all.length) {
    throw new Error(`--corpus ${corpus} has ${all.length} articles; asked for ${count}`);
  }
  return all.slice(0, count);
}
