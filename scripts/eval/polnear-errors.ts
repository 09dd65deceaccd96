/**
 * Why a PolNeAR quote got the wrong speaker, by category, so that tuning (on train and dev,
 * never test) goes to the largest kinds of error first. A category crosses the outcome
 * (no speaker, wrong speaker) with the kind of gold source (a name, a pronoun, a description
 * such as "the Vermont senator") and where it stands (after the quote, before it in the same
 * sentence, before it after a colon, between the parts of a split quote, in an earlier
 * sentence or paragraph).
 */
import type { Mention } from '../core/types.ts';
import type { GoldQuote, PolnearRecord } from './polnear-gold.ts';

/** Error counts by category, each with a few examples. */
export type ErrorCategories = Record<string, { count: number; examples: string[] }>;

const DETERMINERS = /^(the|a|an|this|that|his|her|their|its|one|another|some|several|many)\b/i;

/** A name, a pronoun, or a description of the speaker. */
function sourceKind(gold: GoldQuote, source: string): string {
  if (gold.pronoun) return 'pronoun';
  const first = source.trim().split(/\s+/)[0] ?? '';
  return DETERMINERS.test(first) || /^\p{Ll}/u.test(first) ? 'description' : 'name';
}

/** Where the gold source stands relative to the quote. */
function placeOf(record: PolnearRecord, gold: GoldQuote): string {
  const sourceStart = gold.source[0]![0];
  const sourceEnd = gold.source.at(-1)![1];
  const quoteStart = gold.content[0]![0];
  const quoteEnd = gold.content.at(-1)![1];
  if (sourceStart >= quoteStart && sourceEnd <= quoteEnd) return 'inside split quote';
  if (sourceStart >= quoteEnd) {
    const between = record.text.slice(quoteEnd, sourceStart);
    return between.includes('\n') ? 'later paragraph' : 'after';
  }
  const between = record.text.slice(sourceEnd, quoteStart);
  if (between.includes('\n')) return 'earlier paragraph';
  if (/[.!?]["”]?\s+\S/.test(between)) return 'earlier sentence';
  return /:\s*["“]?\s*$/.test(between) ? 'before, colon' : 'before';
}

/** The category of one wrong attribution. */
export function errorCategory(
  record: PolnearRecord,
  gold: GoldQuote,
  speaker: Mention | undefined,
): string {
  const source = record.text.slice(gold.source[0]![0], gold.source.at(-1)![1]);
  const outcome = speaker ? 'wrong speaker' : 'no speaker';
  return `${outcome} · ${sourceKind(gold, source)} source · ${placeOf(record, gold)}`;
}

/** Adds one error to the tally, keeping the first `keep` examples of each category. */
export function tallyError(
  tally: ErrorCategories,
  category: string,
  example: string,
  keep = 5,
): void {
  const entry = (tally[category] ??= { count: 0, examples: [] });
  entry.count++;
  if (entry.examples.length < keep) entry.examples.push(example);
}

/** The tally as lines, largest category first, with `examples` examples each. */
export function formatErrorCategories(tally: ErrorCategories, examples: number): string {
  return Object.entries(tally)
    .sort((a, b) => b[1].count - a[1].count)
    .flatMap(([category, { count, examples: list }]) => [
      `  ${String(count).padStart(4)}  ${category}`,
      ...list.slice(0, examples).map((e) => e.replace(/^/gm, '        ')),
    ])
    .join('\n');
}
