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
import { taggerRecognizer } from './tagger.ts';
import type { Recognizer, RecognizerContext, RecognizerFactory } from './types.ts';

export const RECOGNIZERS: RecognizerFactory[] = [
  gazetteerRecognizer,
  patternRecognizer,
  taggerRecognizer,
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
    for (const found of recognizer.recognize(doc)) {
      const mention = trimSpan(found);
      if (!mention) continue;
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

/** Quote marks, brackets and dashes at the edges are never part of a name. */
const EDGE_START = /^[\s"“”‘’'«»()[\]{}<>—–-]+/u;
const EDGE_END = /[\s"“”‘’'«»()[\]{}<>—–,;:-]+$/u;

/** The mention without stray punctuation at its edges; undefined when nothing is left. */
export function trimSpan(mention: Mention): Mention | undefined {
  const lead = EDGE_START.exec(mention.text)?.[0].length ?? 0;
  const trail = EDGE_END.exec(mention.text.slice(lead))?.[0].length ?? 0;
  if (lead === 0 && trail === 0) return mention;
  const text = mention.text.slice(lead, mention.text.length - trail);
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  return { ...mention, start: mention.start + lead, end: mention.end - trail, text };
}
