/**
 * Direct quotes and who said them. Finds quoted passages (`quote-spans.ts`), keeps those
 * of at least `minWords` words (shorter ones are mostly scare quotes: "dangerous"), and
 * attributes each to a person or organization mention (`quote-speakers.ts`). Pure: the
 * word lists come from `scripts/data/speech-verbs.txt`, read once.
 */
import { buildContext } from './build-context.ts';
import { speakersBetween, wordsIn, type QuoteContext } from './context.ts';
import { loadQuoteLexicon, type QuoteLexicon } from './lexicon.ts';
import { findQuoteSpans, type CutChooser, type QuotePart, type QuoteSpan } from './spans.ts';
import { attributeAfter, attributeBefore, type Attributed, type Attribution } from './speakers.ts';
import type { Mention, Paragraph, SegmentedArticle } from '../core/types.ts';

export interface Quote {
  /** Paragraph id where the quote starts (p1, p2, …). */
  paragraph: string;
  /** Offsets of the quoted text (without the marks) in that paragraph's plain text. */
  start: number;
  end: number;
  /** The quoted words; the parts of a quote spanning paragraphs are joined with a space. */
  text: string;
  /** The mention the quote is attributed to (a person or organization), or undefined. */
  speaker?: Mention;
  /** How the speaker was found, for review: 'adjacent' | 'previous-sentence' | 'pronoun' | 'organization-reference' | 'colon' */
  via?: string;
  /** Confidence in [0, 1]. */
  confidence: number;
}

export interface QuoteOptions {
  /** Shorter quoted passages are scare quotes or titles, not someone's words. */
  minWords: number;
}

const DEFAULTS: QuoteOptions = { minWords: 3 };

/**
 * Where an unclosed quote ends when a new opening mark follows: after the last sentence
 * that is followed by an attribution verb ("“Isn't it worrying? Greene said. “This …"),
 * else right before the new mark.
 */
function cutBeforeAttribution(lexicon: QuoteLexicon): CutChooser {
  return (paragraph, from, to) => {
    const ends = paragraph.sentences.map((s) => s.end).filter((end) => end > from && end < to);
    const cut = ends.findLast((end) =>
      wordsIn(paragraph.text, end, to).some((w) => lexicon.verbs.has(w.lower)),
    );
    return cut ?? to;
  };
}

/** The sentence of `paragraph` containing `offset` (the last one starting before it). */
function sentenceAt(paragraph: Paragraph, offset: number): { start: number; end: number } {
  return paragraph.sentences.findLast((s) => s.start <= offset) ?? { start: 0, end: offset };
}

/** End of the last attributed quote of paragraph `index` closing before `offset`, or `floor`. */
function afterQuotes(done: Attributed[], index: number, offset: number, floor: number): number {
  let from = floor;
  for (const { span } of done) {
    const last = span.parts.at(-1)!;
    if (last.index === index && span.close <= offset) from = Math.max(from, span.close);
  }
  return from;
}

/** Attribution in the sentence before the quote, or continuing the previous quote's speaker. */
function attributePrevious(
  context: QuoteContext,
  span: QuoteSpan,
  done: Attributed[],
): Attribution {
  const first = span.parts[0]!;
  const paragraph = context.doc.paragraphs[first.index]!;
  const sentence = sentenceAt(paragraph, span.open);
  const same = done.findLast((d) => d.span.parts.at(-1)!.index === first.index);
  if (same?.attribution.speaker)
    return { ...same.attribution, via: 'previous-sentence', confidence: 0.75 };
  const earlier = paragraph.sentences.findLast((s) => s.end <= sentence.start);
  if (earlier) {
    const from = afterQuotes(done, first.index, earlier.end, earlier.start);
    const found = attributeBefore(context, first.index, from, earlier.end, done, true);
    if (found?.speaker) return { ...found, via: 'previous-sentence', confidence: 0.65 };
  }
  const opensParagraph = !/\p{L}/u.test(paragraph.text.slice(0, span.open));
  const before = context.doc.paragraphs[first.index - 1];
  if (opensParagraph && before?.sentences.length) {
    const last = before.sentences.at(-1)!;
    const from = afterQuotes(done, first.index - 1, last.end, last.start);
    const found = attributeBefore(context, first.index - 1, from, last.end, done, true);
    if (found?.speaker) return { ...found, via: 'previous-sentence', confidence: 0.6 };
  }
  return { confidence: 0 };
}

/** The speaker of one quote: after it, before it in its sentence, else from the sentence before. */
function attribute(context: QuoteContext, span: QuoteSpan, done: Attributed[]): Attribution {
  const after = attributeAfter(context, span, done);
  if (after?.speaker) return after;
  const first = span.parts[0]!;
  const paragraph = context.doc.paragraphs[first.index]!;
  const from = afterQuotes(done, first.index, span.open, sentenceAt(paragraph, span.open).start);
  const before = attributeBefore(context, first.index, from, span.open, done);
  if (before?.speaker) return before;
  const colon = introducedByColon(context, first.index, from, span.open);
  if (colon) return colon;
  if (after || before) return { confidence: 0 };
  return attributePrevious(context, span, done);
}

/**
 * A quote after a colon with no speech verb gives the words to the subject of the main
 * clause that introduces it ("McConnell delivered a blunt message to Trump: “…”", "Clinton: “…”").
 */
function introducedByColon(
  context: QuoteContext,
  index: number,
  from: number,
  open: number,
): Attribution | undefined {
  const { text } = context.doc.paragraphs[index]!;
  const intro = text.slice(from, open);
  if (!/:\s*$/.test(intro)) return undefined;
  // The main clause follows the last comma: "After Cloudflare moved, people … saw this message:".
  const clause = from + intro.lastIndexOf(',') + 1;
  const mentions = speakersBetween(context, index, clause, open);
  const role = (m: Mention) => context.roles.get(m);
  const speaker =
    mentions.find((m) => role(m) === 'subject' || role(m) === 'speaking') ??
    mentions.find((m) => role(m) !== 'object');
  return speaker ? { speaker, via: 'colon', confidence: 0.6 } : undefined;
}

/** A quote with every paragraph part it covers, for evaluation and review. */
export interface QuoteWithParts {
  quote: Quote;
  parts: QuotePart[];
}

/** Like `extractQuotes`, keeping the parts of quotes that run over several paragraphs. */
export function extractQuoteParts(
  doc: SegmentedArticle,
  mentions: Mention[],
  options: Partial<QuoteOptions> = {},
): QuoteWithParts[] {
  const { minWords } = { ...DEFAULTS, ...options };
  const lexicon = loadQuoteLexicon();
  const spans = findQuoteSpans(doc.paragraphs, cutBeforeAttribution(lexicon));
  const context = buildContext(doc, mentions, spans, lexicon);
  const done: Attributed[] = [];
  const quotes: QuoteWithParts[] = [];
  for (const span of spans) {
    const text = span.parts
      .map((p) => doc.paragraphs[p.index]!.text.slice(p.start, p.end))
      .join(' ');
    if (wordsIn(text, 0, text.length).length < minWords) continue;
    const attribution = attribute(context, span, done);
    done.push({ span, attribution });
    const { speaker } = attribution;
    // A surname the recognizer missed gives the quote to the full name it ends.
    const echoed = speaker && context.echoes.get(speaker);
    const first = span.parts[0]!;
    const quote: Quote = {
      paragraph: doc.paragraphs[first.index]!.id,
      start: first.start,
      end: first.end,
      text,
      ...attribution,
      ...(echoed ? { speaker: echoed } : {}),
    };
    quotes.push({ quote, parts: span.parts });
  }
  return quotes;
}

/**
 * Finds the direct quotes of an article and attributes each to a speaker mention
 * (person or organization) from `mentions`; `speaker` is undefined when no attribution
 * is confident. Quotes come in document order.
 */
export function extractQuotes(
  doc: SegmentedArticle,
  mentions: Mention[],
  options: Partial<QuoteOptions> = {},
): Quote[] {
  return extractQuoteParts(doc, mentions, options).map((q) => q.quote);
}
