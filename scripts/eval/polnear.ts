/**
 * Measures quote attribution on PolNeAR (political news with hand-annotated attributions):
 * runs the real pipeline (segment → recognize → extractQuotes) on each article and checks,
 * for every gold direct quote (content inside quotation marks, at least three words),
 * whether a predicted quote covers it and whether its speaker is the gold source.
 * Tune on `dev`; `test` is for the final figure only.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { articleId } from '../ids.ts';
import { extractQuoteParts, type QuoteWithParts } from '../pipeline/quotes.ts';
import { createRecognizers, recognizeMentions } from '../pipeline/recognize/index.ts';
import { segmentArticle } from '../pipeline/segment.ts';
import type { Article, Mention, SegmentedArticle } from '../pipeline/types.ts';

export const POLNEAR_FILE = new URL(
  '../../../shared/corpora/polnear/polnear.jsonl',
  import.meta.url,
);

interface Segmented {
  segments: [number, number][];
  text: string;
}
interface PolnearRecord {
  id: string;
  compartment: string;
  text: string;
  attributions: { source?: Segmented; cue?: Segmented; content?: Segmented }[];
}

/** A gold direct quote: content segments, and the names its source may be given by. */
interface GoldQuote {
  content: [number, number][];
  source: [number, number][];
  names: Set<string>;
  pronoun: boolean;
  text: string;
}

export interface PolnearResult {
  split: string;
  articles: number;
  /** Gold direct quotes of three or more words with an annotated source. */
  quotes: number;
  /** Of those, covered by a predicted quote. */
  found: number;
  /** Of those found, attributed to the gold speaker. */
  correctSpeaker: number;
  /** correctSpeaker / found: the speaker accuracy on direct quotes. */
  accuracy: number;
  /** correctSpeaker / quotes: finding and attributing. */
  endToEnd: number;
  /** Found quotes left without a speaker. */
  noSpeaker: number;
  /** Found quotes whose gold source refers back (pronoun, "the mayor"), resolved to a name, and how many are right. */
  pronounSources: { quotes: number; correct: number };
  /** Gold quotes whose source names nobody ("a campaign aide"): set aside; how many we left without a speaker. */
  unnamed: { quotes: number; noSpeaker: number };
  /** Accuracy by how the speaker was found. */
  byVia: Record<string, { quotes: number; correct: number }>;
  /** Predicted quotes overlapping no gold direct quote (partial quotes, titles, unannotated). */
  unmatchedPredictions: number;
  seconds: number;
  /** A sample of wrong attributions, for tuning on dev. */
  errors: string[];
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

async function* records(): AsyncGenerator<PolnearRecord> {
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
function keyOf(word: string): string {
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
function goldQuotes(record: PolnearRecord, minWords: number): GoldQuote[] {
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
function articleOf(record: PolnearRecord): Article {
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
function alignParagraphs(doc: SegmentedArticle, text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const p of doc.paragraphs) {
    const at = text.indexOf(p.text, cursor);
    offsets.set(p.id, at);
    if (at >= 0) cursor = at + p.text.length;
  }
  return offsets;
}

const overlap = (a: [number, number], b: [number, number]) =>
  Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** Whether the predicted speaker is the gold source: overlapping it, or naming the same person. */
function isRightSpeaker(
  speaker: Mention | undefined,
  gold: GoldQuote,
  offsets: Map<string, number>,
): boolean {
  if (!speaker) return false;
  const base = offsets.get(speaker.paragraph) ?? -1;
  const span: [number, number] = [base + speaker.start, base + speaker.end];
  if (base >= 0 && gold.source.some((s) => overlap(s, span) > 0)) return true;
  const last = speaker.text.split(/\s+/).at(-1);
  return last !== undefined && gold.names.has(keyOf(last));
}

/** One wrong attribution with the text around it, for tuning. */
function describeError(
  record: PolnearRecord,
  gold: GoldQuote,
  speaker: Mention | undefined,
  via: string,
): string {
  const [s, e] = [gold.content[0]![0], gold.content.at(-1)![1]];
  const around = (a: number, b: number) => record.text.slice(a, b).replace(/\s+/g, ' ');
  const source = record.text.slice(gold.source[0]![0], gold.source.at(-1)![1]);
  return [
    `${record.id}: gold=${source}${gold.pronoun ? ` → ${[...gold.names].join('/') || '?'}` : ''} predicted=${speaker?.text ?? '-'} via ${via}`,
    `    …${around(s - 160, s)}[[${around(s, Math.min(e, s + 60))}…]]${around(e, e + 80)}`,
  ].join('\n');
}

/** Original-text spans of a predicted quote's parts. */
function spansOf(
  q: QuoteWithParts,
  doc: SegmentedArticle,
  offsets: Map<string, number>,
): [number, number][] {
  return q.parts.flatMap((part) => {
    const base = offsets.get(doc.paragraphs[part.index]!.id) ?? -1;
    return base < 0 ? [] : [[base + part.start, base + part.end] as [number, number]];
  });
}

/**
 * Runs the pipeline on the PolNeAR articles of `split` (the first `limit`) and scores the
 * speakers of gold direct quotes.
 */
export async function evaluatePolnear(options: {
  split: 'dev' | 'test' | 'train';
  limit?: number;
  minWords?: number;
}): Promise<PolnearResult> {
  const minWords = options.minWords ?? 3;
  const started = performance.now();
  const recognizers = createRecognizers({ curated: [] });
  const result: PolnearResult = {
    split: options.split,
    articles: 0,
    quotes: 0,
    found: 0,
    correctSpeaker: 0,
    accuracy: 0,
    endToEnd: 0,
    noSpeaker: 0,
    unnamed: { quotes: 0, noSpeaker: 0 },
    pronounSources: { quotes: 0, correct: 0 },
    byVia: {},
    unmatchedPredictions: 0,
    seconds: 0,
    errors: [],
  };
  for await (const record of records()) {
    if (record.compartment !== options.split) continue;
    if (options.limit !== undefined && result.articles >= options.limit) break;
    result.articles++;
    const doc = segmentArticle(articleOf(record));
    const offsets = alignParagraphs(doc, record.text);
    const predicted = extractQuoteParts(doc, recognizeMentions(doc, recognizers), { minWords }).map(
      (q) => ({
        q,
        spans: spansOf(q, doc, offsets),
        used: false,
      }),
    );
    for (const gold of goldQuotes(record, minWords)) {
      const score = (p: (typeof predicted)[number]) =>
        p.spans.reduce((sum, s) => sum + gold.content.reduce((t, c) => t + overlap(s, c), 0), 0);
      const best = predicted.filter((p) => score(p) > 0).sort((a, b) => score(b) - score(a))[0];
      if (best) best.used = true;
      if (!gold.names.size) {
        result.unnamed.quotes++;
        if (best && !best.q.quote.speaker) result.unnamed.noSpeaker++;
        continue;
      }
      result.quotes++;
      if (!best) continue;
      result.found++;
      const { speaker, via = 'none' } = best.q.quote;
      const right = isRightSpeaker(speaker, gold, offsets);
      if (!speaker) result.noSpeaker++;
      if (right) result.correctSpeaker++;
      const entry = (result.byVia[via] ??= { quotes: 0, correct: 0 });
      entry.quotes++;
      if (right) entry.correct++;
      if (gold.pronoun) {
        result.pronounSources.quotes++;
        if (right) result.pronounSources.correct++;
      }
      if (!right) result.errors.push(describeError(record, gold, speaker, via));
    }
    result.unmatchedPredictions += predicted.filter((p) => !p.used).length;
  }
  result.accuracy = result.found ? result.correctSpeaker / result.found : 0;
  result.endToEnd = result.quotes ? result.correctSpeaker / result.quotes : 0;
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Whether the corpus is present (it is not part of the repository). */
export function hasPolnear(): boolean {
  return existsSync(POLNEAR_FILE);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

/** A readable summary of a result. */
export function formatPolnearResult(r: PolnearResult): string {
  const lines = [
    `PolNeAR ${r.split}: ${r.articles} articles, ${r.quotes} gold direct quotes (≥3 words) in ${r.seconds.toFixed(1)} s`,
    `  found            ${r.found} (${pct(r.found, r.quotes)})`,
    `  speaker accuracy ${r.correctSpeaker}/${r.found} = ${pct(r.correctSpeaker, r.found)} of found quotes (end to end ${pct(r.correctSpeaker, r.quotes)})`,
    `  no speaker       ${r.noSpeaker}`,
    `  unnamed sources  ${r.unnamed.quotes} set aside (${r.unnamed.noSpeaker} left without a speaker)`,
    `  pronoun sources  ${r.pronounSources.correct}/${r.pronounSources.quotes} = ${pct(r.pronounSources.correct, r.pronounSources.quotes)}`,
    ...Object.entries(r.byVia)
      .sort((a, b) => b[1].quotes - a[1].quotes)
      .map(
        ([via, v]) =>
          `  via ${via.padEnd(22)} ${v.correct}/${v.quotes} = ${pct(v.correct, v.quotes)}`,
      ),
    `  predicted quotes matching no gold direct quote: ${r.unmatchedPredictions}`,
  ];
  return lines.join('\n');
}
