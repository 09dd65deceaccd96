/**
 * What quote attribution looks at around a quote: the words of the surrounding text,
 * sentence boundaries, and the person and organization mentions that are outside every
 * quote (a name inside a quote is spoken about, not speaking), with the look-ups that
 * resolve a pronoun or "the company" to the nearest fitting one of them.
 */
import { isAbbreviation } from './abbreviations.ts';
import { assignRoles, type MentionRole } from './quote-antecedents.ts';
import { addSurnameEchoes, type Echoes } from './quote-echoes.ts';
import { genderOf, type Gender } from './quote-gender.ts';
import type { QuoteLexicon } from './quote-lexicon.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Mention, SegmentedArticle } from './types.ts';

export interface Word {
  lower: string;
  start: number;
  end: number;
}

/** What a reference may stand for; "he" and "she" are people of that gender or of none known. */
export type SpeakerKind = 'person' | 'organization' | 'any' | Gender;

/** Everything attribution needs about one article. */
export interface QuoteContext {
  doc: SegmentedArticle;
  lexicon: QuoteLexicon;
  /** Person and organization mentions outside quotes, by paragraph index, in text order. */
  speakers: Mention[][];
  /** Every quoted span, by the paragraph index of each of its parts. */
  quotesIn: QuoteSpan[][];
  /** How many paragraphs back a pronoun or "the company" may look. */
  lookBack: number;
  /** The grammatical role each speaker mention seems to play in its sentence. */
  roles: Map<Mention, MentionRole>;
  /** The gender of person mentions where the article shows it. */
  gender: Map<Mention, Gender>;
  /** Surnames the recognizer missed, each standing for a full-name mention. */
  echoes: Echoes;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** The words of `text` between two offsets. */
export function wordsIn(text: string, from: number, to: number): Word[] {
  return [...text.slice(from, to).matchAll(WORD)].map((m) => ({
    lower: m[0].toLowerCase(),
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
}

/** True when a sentence ends between the offsets: `.`, `!` or `?` not closing an abbreviation. */
export function crossesSentence(text: string, from: number, to: number): boolean {
  for (const m of text.slice(from, to).matchAll(/([\p{L}.]*)([.!?])(?=\s|$)/gu)) {
    if (m[2] === '.' && m[1] && isAbbreviation(m[1])) continue;
    return true;
  }
  return false;
}

/** Length in words of the entry of `section` that starts at `words[i]`, or 0. */
export function matchEntry(set: Set<string>, words: Word[], i: number): number {
  if (i < 0 || i >= words.length) return 0;
  const two = words[i + 1] ? `${words[i]!.lower} ${words[i + 1]!.lower}` : '';
  if (two && set.has(two)) return 2;
  return set.has(words[i]?.lower ?? '') ? 1 : 0;
}

function isInside(spans: QuoteSpan[], index: number, mention: Mention): boolean {
  return spans.some((span) =>
    span.parts.some((p) => p.index === index && mention.start >= p.start && mention.end <= p.end),
  );
}

/** "told (the) Post", "in an interview with Newsmax": the mention is spoken to. */
function isAddressee(text: string, mention: Mention, lexicon: QuoteLexicon): boolean {
  const words = wordsIn(text, Math.max(0, mention.start - 40), mention.start);
  if (words.at(-1)?.lower === 'the') words.pop();
  const n = words.length;
  return (
    matchEntry(lexicon['addressee-cues'], words, n - 2) === 2 ||
    matchEntry(lexicon['addressee-cues'], words, n - 1) === 1
  );
}

/** Builds the context: candidate speakers outside quotes, quotes by paragraph. */
export function buildContext(
  doc: SegmentedArticle,
  mentions: Mention[],
  spans: QuoteSpan[],
  lexicon: QuoteLexicon,
): QuoteContext {
  const indexOf = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
  const quotesIn: QuoteSpan[][] = doc.paragraphs.map(() => []);
  for (const span of spans)
    for (const part of new Set(span.parts.map((p) => p.index))) quotesIn[part]!.push(span);
  const speakers: Mention[][] = doc.paragraphs.map(() => []);
  for (const mention of mentions) {
    const index = indexOf.get(mention.paragraph);
    if (index === undefined) continue;
    // A site speaks only when named as the subject ("PolitiFact says"); see `fits`.
    if (mention.type !== 'person' && mention.type !== 'organization' && mention.type !== 'site')
      continue;
    if (isInside(quotesIn[index]!, index, mention)) continue;
    if (isAddressee(doc.paragraphs[index]!.text, mention, lexicon)) continue;
    speakers[index]!.push(mention);
  }
  const echoes = addSurnameEchoes(doc, mentions, speakers, quotesIn);
  for (const list of speakers) list.sort((a, b) => a.start - b.start);
  const roles = assignRoles(doc, speakers, lexicon);
  const gender = genderOf(doc, speakers);
  return { doc, lexicon, speakers, quotesIn, lookBack: 1, roles, gender, echoes };
}

/** Whether a mention can be what a reference of `kind` stands for. */
export function fitsKind(context: QuoteContext, mention: Mention, kind: SpeakerKind): boolean {
  if (kind === 'any') return mention.type !== 'site';
  if (kind === 'male' || kind === 'female') {
    const known = context.gender.get(mention);
    return mention.type === 'person' && (known === undefined || known === kind);
  }
  return mention.type === kind;
}

/** Speaker mentions of paragraph `index` that lie inside `[from, to)`. */
export function speakersBetween(
  context: QuoteContext,
  index: number,
  from: number,
  to: number,
): Mention[] {
  return context.speakers[index]!.filter((m) => m.start >= from && m.end <= to);
}
