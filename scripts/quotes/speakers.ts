/**
 * Who said a quote: the attribution right after it ("…," Prince said / said Prince /
 * she told The Post), right before it (Prince said: "…"), or in the sentence before it
 * (Prince said in the interview … . "…"), with pronouns, "the company" and "the post"
 * resolved to the nearest fitting mention outside quotes.
 */
import { nearestBefore } from './antecedents.ts';
import {
  crossesSentence,
  fitsKind,
  matchEntry,
  speakersBetween,
  wordsIn,
  type QuoteContext,
  type SpeakerKind,
  type Word,
} from './context.ts';
import type { QuoteSpan } from './spans.ts';
import type { Mention } from '../core/types.ts';
import { paragraphOf } from '../core/paragraph-of.ts';

export interface Attribution {
  speaker?: Mention;
  via?: string;
  confidence: number;
}

/** A quote already attributed, so that the next sentence's quote can continue it. */
export interface Attributed {
  span: QuoteSpan;
  attribution: Attribution;
}

/** How far (in words) an attribution verb may be from the quote it follows. */
const MAX_WORDS_AFTER = 8;
/** …unless a name follows the quote at once: then an apposition may come between. */
const MAX_WORDS_AFTER_NAME = 30;
/** How far (in words) the subject of "said …" may be from the verb, within its clause. */
const MAX_WORDS_TO_SUBJECT = 8;
/** How many paragraphs back a reference may look when nothing is near. */
const FAR = 3;
const NONE: Attribution = { confidence: 0 };
const DETERMINERS = new Set(['the', 'this', 'that', 'his', 'her', 'its', 'their']);
/** A dash before a name after a quote: the testimonial style ("…" ― Ana Ruiz). */
const DASH = /^\s*[―—–-]\s*$/;

/**
 * The preferred speaker among the mentions before a verb: the one right before it
 * ("… Jennifer Palmieri said"), else the subject of the sentence ("Trump attacked Clinton
 * …, saying"), else the last person that is not an object ("to Clinton", "Trump's").
 */
function pickSpeaker(
  context: QuoteContext,
  mentions: Mention[],
  verb?: number,
): Mention | undefined {
  const text = (m: Mention) => paragraphOf(context.doc, m.paragraph).text;
  const last = mentions.at(-1);
  const between = last && verb !== undefined ? text(last).slice(last.end, verb) : ',';
  // "the founder of Kiwi Farm, said": the name closing an apposition is not the subject.
  const right = !between.includes(',') && wordsIn(between, 0, between.length).length <= 2;
  if (last && right && context.roles.get(last) !== 'object') return last;
  const subject = mentions.find((m) => context.roles.get(m) === 'subject');
  if (subject && verb !== undefined) return subject;
  const free = mentions.filter((m) => context.roles.get(m) !== 'object');
  const pool = free.length ? free : mentions;
  return pool.findLast((m) => m.type === 'person') ?? pool.at(-1);
}

/** What a pronoun or a definite noun ("the company") stands for, or undefined. */
function referenceOf(
  context: QuoteContext,
  words: Word[],
  i: number,
): SpeakerKind | 'document' | undefined {
  const { lexicon } = context;
  const word = words[i]!.lower;
  if (lexicon['person-pronouns'].has(word))
    return word === 'she' ? 'female' : word === 'he' ? 'male' : 'person';
  if (lexicon['group-pronouns'].has(word)) return 'any';
  if (lexicon['organization-pronouns'].has(word)) return 'organization';
  // "the company", "the New York businessman", "the ad's narrator"
  const determiners = words.slice(Math.max(0, i - 3), i).map((w) => w.lower);
  if (!determiners.some((w) => DETERMINERS.has(w))) return undefined;
  if (lexicon['organization-nouns'].has(word)) return 'organization';
  if (lexicon['person-nouns'].has(word)) return 'person';
  if (lexicon['document-nouns'].has(word)) return 'document';
  return undefined;
}

/**
 * When no mention fits nearby, a reference continues the last quote's speaker, else goes
 * to a fitting mention a few paragraphs back.
 */
function continuing(
  context: QuoteContext,
  index: number,
  at: number,
  previous: Attributed[],
  kind: SpeakerKind,
): Mention | undefined {
  const last = previous.findLast((p) => p.attribution.speaker);
  const speaker = last?.attribution.speaker;
  if (speaker && last.span.parts.at(-1)!.index >= index - FAR && fitsKind(context, speaker, kind))
    return speaker;
  return nearestBefore(context, index, at, kind, FAR);
}

function isPronoun({ lexicon }: QuoteContext, word: Word): boolean {
  const w = word.lower;
  return (
    lexicon['person-pronouns'].has(w) ||
    lexicon['group-pronouns'].has(w) ||
    lexicon['organization-pronouns'].has(w)
  );
}

/** Resolves the subject words of an attribution (no mention among them) by reference. */
function resolveReference(
  context: QuoteContext,
  index: number,
  words: Word[],
  previous: Attributed[],
  pronounsOnly = false,
): Attribution | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const kind = referenceOf(context, words, i);
    if (!kind || (pronounsOnly && !isPronoun(context, words[i]!))) continue;
    const at = words[i]!.start;
    if (kind === 'document') {
      const last = previous.findLast((p) => p.span.parts.at(-1)!.index >= index - 1);
      const speaker = last?.attribution.speaker ?? nearestBefore(context, index, at, 'any');
      return speaker ? { speaker, via: 'previous-sentence', confidence: 0.6 } : NONE;
    }
    const speaker =
      nearestBefore(context, index, at, kind) ?? continuing(context, index, at, previous, kind);
    const via = kind === 'organization' && words[i - 1] ? 'organization-reference' : 'pronoun';
    return speaker ? { speaker, via, confidence: 0.7 } : NONE;
  }
  return undefined;
}

/** The speaker of a verb whose subject comes after it ("said Prince", "according to …"). */
function subjectAfter(context: QuoteContext, index: number, from: number, to: number): Attribution {
  const text = context.doc.paragraphs[index]!.text;
  const stop = /[,;:!?(]|\.(?=\s|$)/.exec(text.slice(from, to));
  const limit = stop ? from + stop.index : to;
  const mentions = speakersBetween(context, index, from, to);
  const inClause = mentions.filter((m) => m.start < limit);
  const speaker = pickSpeaker(context, inClause) ?? mentions[0];
  // "said Monmouth University political scientist Patrick Murray": titles and roles may
  // come between the verb and a name in its clause.
  const reach = speaker && speaker.start < limit ? MAX_WORDS_TO_SUBJECT : 3;
  if (speaker && wordsIn(text, from, speaker.start).length <= reach)
    return { speaker, via: 'adjacent', confidence: 0.9 };
  const words = wordsIn(text, from, limit).slice(0, 2);
  const kind = words.length ? referenceOf(context, words, 0) : undefined;
  if (kind && kind !== 'document') {
    const found = nearestBefore(context, index, from, kind);
    if (found) return { speaker: found, via: 'pronoun', confidence: 0.7 };
  }
  return NONE;
}

/**
 * The speaker named by the verb at `words[v]` (of `length` words) in `[from, to)` of
 * paragraph `index`: a mention before the verb, a pronoun or noun referring back, or a
 * mention after it.
 */
function subjectOf(
  context: QuoteContext,
  index: number,
  words: Word[],
  v: number,
  length: number,
  from: number,
  to: number,
  previous: Attributed[],
): Attribution {
  const verb = words[v]!;
  const afterVerb = words[v + length - 1]!.end;
  if (
    context.lexicon['source-after'].has(
      words
        .slice(v, v + length)
        .map((w) => w.lower)
        .join(' '),
    )
  )
    return subjectAfter(context, index, afterVerb, to);
  const named = pickSpeaker(context, speakersBetween(context, index, from, verb.start), verb.start);
  // A pronoun nearer the verb than the name is the subject: "Trump said Clinton lied, and he added, …"
  const nearer = words.slice(named ? words.findIndex((w) => w.start >= named.end) : 0, v);
  const referred = resolveReference(context, index, nearer, previous, Boolean(named));
  if (referred) return referred;
  if (named) return { speaker: named, via: 'adjacent', confidence: 0.9 };
  return subjectAfter(context, index, afterVerb, to);
}

/** Whether the sentence ends within a few words after `words[i]` ("Kerry said in a statement."). */
function endsSoon(text: string, words: Word[], i: number): boolean {
  const from = words[i - 1]!.end;
  const tail = words.slice(i, i + 6);
  const to = tail.at(-1)?.end ?? from;
  return (
    crossesSentence(text, from, Math.min(text.length, to + 1)) || i + tail.length >= words.length
  );
}

/** The first attribution verb among the first words after a quote, within its sentence. */
function attributeAfter(
  context: QuoteContext,
  span: QuoteSpan,
  previous: Attributed[],
): Attribution | undefined {
  const last = span.parts.at(-1)!;
  const { text } = context.doc.paragraphs[last.index]!;
  const nextQuote = context.quotesIn[last.index]!.find((s) => s !== span && s.open >= span.close);
  const to = nextQuote && nextQuote.parts[0]!.index === last.index ? nextQuote.open : text.length;
  const words = wordsIn(text, span.close, to);
  // "…" and said he …: the sentence goes on; its verb belongs to another clause.
  if (words[0] && context.lexicon['clause-words'].has(words[0].lower)) return undefined;
  const first = words[0] && speakersBetween(context, last.index, words[0].start, to)[0];
  const named = first && first.start === words[0]!.start ? first : undefined;
  if (named && DASH.test(text.slice(span.close, named.start)))
    return { speaker: named, via: 'adjacent', confidence: 0.85 };
  const window = named ? MAX_WORDS_AFTER_NAME : MAX_WORDS_AFTER;
  // A quote ending in a full stop ends its sentence: what follows is new unless it is short.
  const ended = /\.\s*$/.test(text.slice(last.start, last.end));
  for (let v = 0; v < Math.min(words.length, window); v++) {
    if (crossesSentence(text, span.close, words[v]!.start)) return undefined;
    const length =
      matchEntry(context.lexicon.verbs, words, v) ||
      matchEntry(context.lexicon['source-after'], words, v);
    if (!length) continue;
    if (ended && !endsSoon(text, words, v + length)) return undefined;
    return subjectOf(context, last.index, words, v, length, span.close, to, previous);
  }
  return undefined;
}

/**
 * The last attribution verb in `[from, to)` of paragraph `index` (the first with
 * `firstVerb`: the main clause of an earlier sentence), and its subject.
 */
export function attributeBefore(
  context: QuoteContext,
  index: number,
  from: number,
  to: number,
  previous: Attributed[],
  firstVerb = false,
): Attribution | undefined {
  const { text } = context.doc.paragraphs[index]!;
  const words = wordsIn(text, from, to);
  const order = words.map((_, i) => i);
  if (!firstVerb) order.reverse();
  for (const v of order) {
    const length =
      matchEntry(context.lexicon.verbs, words, v) ||
      matchEntry(context.lexicon['source-after'], words, v);
    if (!length) continue;
    return subjectOf(context, index, words, v, length, from, to, previous);
  }
  return undefined;
}

export { attributeAfter };
