/**
 * PolNeAR as gold data for quote attribution: records, their direct quotes (content inside
 * quotation marks) with the names their source may be given by, and the in-memory article
 * and paragraph offsets that map the pipeline's spans back onto the original text.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { articleId } from '../core/ids.ts';
import type { Article, SegmentedArticle } from '../core/types.ts';

export const POLNEAR_FILE = new URL(
  '../../../shared/corpora/polnear/polnear.jsonl',
  import.meta.url,
);

interface Segmented {
  segments: [number, number][];
  text: string;
}
export interface PolnearRecord {
  id: string;
  compartment: string;
  text: string;
  attributions: { source?: Segmented; cue?: Segmented; content?: Segmented }[];
}

/** A gold direct quote: content segments, and the names its source may be given by. */
export interface GoldQuote {
  content: [number, number][];
  source: [number, number][];
  names: Set<string>;
  pronoun: boolean;
  text: string;
}

/** Third-person pronouns refer back to a named source; first and second person name nobody. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her', 'them']);
const OPEN = /["“„«]/;
const CLOSE = /["”»]/;
/** Capitalized words that start a source phrase without naming anyone. */
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'This',
  'That',
  'His',
  'Her',
  'Their',
  'Its',
  'Our',
  'My',
]);

/** Every record of the corpus, in file order. */
export async function* records(): AsyncGenerator<PolnearRecord> {
  const lines = createInterface({ input: createReadStream(POLNEAR_FILE), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as PolnearRecord;
}

/** Last words of the capitalized runs of a phrase: "Spokeswoman Haley Morris" → morris. */
function namesIn(phrase: string): Set<string> {
  const names = new Set<string>();
  const runs = [...phrase.matchAll(/\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu)];
  for (const { 0: run, index } of runs) {
    // "Small groups of protesters", "Another critic, …": a capital that only starts the phrase.
    if (index === 0 && !run.includes(' ') && /^\s+\p{Ll}/u.test(phrase.slice(run.length))) continue;
    const words = run.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    const last = words.at(-1);
    if (last) names.add(keyOf(last));
  }
  return names;
}

/** Comparison key of a name's last word: lowercase, no possessive. */
export function keyOf(word: string): string {
  return word.toLowerCase().replace(/['’]s?$/, '');
}

/** Whether `[s, e)` of `text` is inside quotation marks (allowing punctuation before the closer). */
function isQuoted(text: string, s: number, e: number): boolean {
  const opens = OPEN.test(text[s] ?? '') || OPEN.test(text[s - 1] ?? '');
  const closes =
    CLOSE.test(text[e - 1] ?? '') ||
    CLOSE.test(text[e] ?? '') ||
    /^[.,?!]["”»]/.test(text.slice(e, e + 2));
  return opens && closes;
}

/**
 * The gold direct quotes of one record. A pronoun source takes the names of the nearest
 * earlier named source (speakers continue more often than they change); a source without a
 * proper name ("a campaign aide", "the ruling", "I") keeps none and the quote is set aside.
 */
export function goldQuotes(record: PolnearRecord, minWords: number): GoldQuote[] {
  const attributions = record.attributions
    .filter((a) => a.source?.segments.length)
    .sort((a, b) => a.source!.segments[0]![0] - b.source!.segments[0]![0]);
  const out: GoldQuote[] = [];
  let lastNamed = new Set<string>();
  for (const a of attributions) {
    const source = a.source!;
    const named = namesIn(source.text);
    const referring = PRONOUNS.has(source.text.trim().toLowerCase());
    const names = referring ? lastNamed : named;
    if (!referring && named.size) lastNamed = named;
    if (!a.content?.segments.length) continue;
    const s = a.content.segments[0]![0];
    const e = a.content.segments.at(-1)![1];
    if (!isQuoted(record.text, s, e)) continue;
    if ((a.content.text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length < minWords)
      continue;
    out.push({
      content: a.content.segments,
      source: source.segments,
      names,
      pronoun: referring,
      text: a.content.text,
    });
  }
  return out;
}

/** Markdown-escapes ASCII punctuation so that the parsed plain text equals the original. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** An in-memory article for the text, one markdown paragraph per blank-line-separated block. */
export function articleOf(record: PolnearRecord): Article {
  const body = record.text
    .split(/\n\n/)
    .map((block) => escapeMarkdown(block).replace(/^[ \t]+/gm, ''))
    .join('\n\n');
  return {
    id: articleId(record.id),
    slug: record.id,
    file: `${record.id}.md`,
    meta: { title: record.id, authors: [], language: 'en' },
    body,
    bodyLine: 1,
    hash: record.id,
  };
}

/** Offset of each paragraph's plain text in the original text (-1 when it cannot be found). */
export function alignParagraphs(doc: SegmentedArticle, text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const p of doc.paragraphs) {
    const at = text.indexOf(p.text, cursor);
    offsets.set(p.id, at);
    if (at >= 0) cursor = at + p.text.length;
  }
  return offsets;
}

/** Characters two spans share. */
export const overlap = (a: [number, number], b: [number, number]) =>
  Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** Whether the corpus is present (it is not part of the repository). */
export function hasPolnear(): boolean {
  return existsSync(POLNEAR_FILE);
}
