/**
 * What quote attribution looks at around a quote: the words of the surrounding text,
 * sentence boundaries, and the person and organization mentions that are outside every
 * quote (a name inside a quote is spoken about, not speaking), with the look-ups that
 * resolve a pronoun or "the company" to the nearest fitting one of them.
 */
import { isAbbreviation } from '../segment/abbreviations.ts';
import type { Echoes } from './echoes.ts';
import type { Gender } from './gender.ts';
import type { QuoteLexicon } from './lexicon.ts';
import type { QuoteSpan } from './spans.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

export interface Word {
  lower: string;
  start: number;
  end: number;
}

/** `speaking`: right before a speech verb; `subject`: first free mention of its sentence. */
export type MentionRole = 'speaking' | 'subject' | 'object' | 'other';

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
