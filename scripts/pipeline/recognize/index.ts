/**
 * Stage 3, recognize: runs every registered recognizer over a segmented article and
 * merges their spans. Registered in priority order: where spans overlap, the earlier
 * recognizer wins (a curated name beats a pattern, a pattern beats the tagger's guess).
 * Adding a recognizer means adding a file and a line to `RECOGNIZERS`.
 */
import type { Mention, SegmentedArticle } from '../types.ts';
import { cueRecognizer } from './cues.ts';
import { gazetteerRecognizer } from './gazetteer.ts';
import { patternRecognizer } from './patterns.ts';
import type { Recognizer, RecognizerContext, RecognizerFactory } from './types.ts';

export const RECOGNIZERS: RecognizerFactory[] = [
  gazetteerRecognizer,
  patternRecognizer,
  cueRecognizer,
];

export function createRecognizers(
  context: RecognizerContext,
  factories = RECOGNIZERS,
): Recognizer[] {
  return factories.map((factory) => factory(context));
}

/** Paragraph order, then start offset: the order mentions appear in the text. */
function byPosition(paragraphIds: Map<string, number>) {
  return (a: Mention, b: Mention) =>
    paragraphIds.get(a.paragraph)! - paragraphIds.get(b.paragraph)! ||
    a.start - b.start ||
    b.end - a.end;
}

/** Runs recognizers in priority order; a span overlapping an accepted one is dropped. */
export function recognizeMentions(doc: SegmentedArticle, recognizers: Recognizer[]): Mention[] {
  const taken = new Map<string, Mention[]>();
  const accepted: Mention[] = [];
  for (const recognizer of recognizers) {
    for (const mention of recognizer.recognize(doc)) {
      const inParagraph = taken.get(mention.paragraph) ?? [];
      if (inParagraph.some((m) => m.start < mention.end && mention.start < m.end)) continue;
      inParagraph.push(mention);
      taken.set(mention.paragraph, inParagraph);
      accepted.push(mention);
    }
  }
  const order = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
  return accepted.sort(byPosition(order));
}
