/**
 * Sentence boundaries: ICU's sentence segmenter (`Intl.Segmenter`, built into Node),
 * corrected where ICU breaks after an abbreviation ("Rep. Marjorie", "Aug. 24").
 */
import type { Span } from '../core/types.ts';
import { isAbbreviation } from './abbreviations.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const LAST_WORD = /([\p{L}.]+)\.\s*$/u;

/**
 * True when a segment ends in a title, month, initial, initialism ("U.S.") or other known
 * abbreviation. An initialism can end a sentence too ("…in the U.S. He said"); joining
 * two sentences costs less than cutting a name in half.
 */
function endsInAbbreviation(segment: string): boolean {
  // Only the tail matters; matching the whole segment is quadratic on a very long word.
  const word = LAST_WORD.exec(segment.slice(-40))?.[1];
  if (!word) return false;
  return isAbbreviation(word);
}

/** Splits `text` into sentence spans with surrounding white space trimmed. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: Span | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    const span = pending
      ? { start: pending.start, end: index + segment.length }
      : { start: index, end: index + segment.length };
    if (endsInAbbreviation(segment)) {
      pending = span;
      continue;
    }
    pending = undefined;
    spans.push(span);
  }
  if (pending) spans.push(pending);
  return spans.flatMap((span) => trim(text, span));
}

function trim(text: string, { start, end }: Span): Span[] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? [{ start, end }] : [];
}
