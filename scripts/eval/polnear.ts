/**
 * Measures quote attribution on PolNeAR (political news with hand-annotated attributions):
 * runs the real pipeline (segment → recognize → extractQuotes) on each article and checks,
 * for every gold direct quote (content inside quotation marks, at least three words),
 * whether a predicted quote covers it and whether its speaker is the gold source.
 * Tune on `dev`; `test` is for the final figure only.
 */
import { extractQuoteParts, type QuoteWithParts } from '../quotes/index.ts';
import { createRecognizers, recognizeMentions } from '../recognize/index.ts';
import { segmentArticle } from '../segment/index.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';
import {
  alignParagraphs,
  articleOf,
  goldQuotes,
  keyOf,
  overlap,
  records,
  type GoldQuote,
  type PolnearRecord,
} from './polnear-gold.ts';
import { errorCategory, tallyError, type ErrorCategories } from './polnear-errors.ts';

export { hasPolnear, POLNEAR_FILE } from './polnear-gold.ts';

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
  /** Every wrong attribution, for tuning on dev. */
  errors: string[];
  /** The wrong attributions by category (outcome, kind of gold source, its place). */
  categories: ErrorCategories;
}

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
    categories: {},
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
      if (right) continue;
      const category = errorCategory(record, gold, speaker);
      const error = describeError(record, gold, speaker, via);
      result.errors.push(`[${category}] ${error}`);
      tallyError(result.categories, category, error);
    }
    result.unmatchedPredictions += predicted.filter((p) => !p.used).length;
  }
  result.accuracy = result.found ? result.correctSpeaker / result.found : 0;
  result.endToEnd = result.quotes ? result.correctSpeaker / result.quotes : 0;
  result.seconds = (performance.now() - started) / 1000;
  return result;
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
