/**
 * Stage 3, recognize: runs every registered recognizer over a segmented article and
 * merges their spans. Registered in priority order: where spans overlap, the earlier
 * recognizer wins (a curated name beats a pattern, a pattern beats the tagger's guess).
 * Adding a recognizer means adding a file and a line to `RECOGNIZERS`.
 */
import type { Mention, SegmentedArticle } from '../core/types.ts';
import { gazetteerRecognizer } from './gazetteer.ts';
import { organizationRecognizer } from './organizations.ts';
import { patternRecognizer } from './patterns.ts';
import { taggerRecognizer } from './tagger.ts';
import { lines, loadCues } from './lexicon.ts';
import { NOT_NAMES } from './names.ts';
import { recallNames } from './recall.ts';
import type { Recognizer, RecognizerContext, RecognizerFactory } from './types.ts';

export const RECOGNIZERS: RecognizerFactory[] = [
  gazetteerRecognizer,
  patternRecognizer,
  taggerRecognizer,
  organizationRecognizer,
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
  const paragraphText = new Map(doc.paragraphs.map((p) => [p.id, p.text]));
  // An article in another language gets only the recognizers that read any language: the
  // tagger and the patterns would find "names" in whatever is capitalized there.
  const english = /^en(-|$)/i.test(doc.article.meta.language ?? 'en');
  for (const recognizer of recognizers) {
    if (!english && !recognizer.anyLanguage) continue;
    for (const found of recognizer.recognize(doc)) {
      const paragraph = paragraphText.get(found.paragraph) ?? '';
      for (const mention of splitAtTitle(titledPerson(trimSpan(found), paragraph), paragraph)) {
        if (isNoName(mention, paragraph)) continue;
        const inParagraph = taken.get(mention.paragraph) ?? [];
        if (inParagraph.some((m) => m.start < mention.end && mention.start < m.end)) continue;
        inParagraph.push(mention);
        taken.set(mention.paragraph, inParagraph);
        accepted.push(mention);
      }
    }
  }
  if (english) accepted.push(...recallNames(doc, accepted));
  const order = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
  return accepted.sort(byPosition(order));
}

/** Page furniture (`scripts/data/furniture.txt`), lower-cased. */
const FURNITURE = new Set(
  lines('furniture.txt').map((line) => line.toLowerCase().replace(/\s+/g, ' ')),
);

/**
 * Spans that are no name whatever a recognizer says: page furniture ("Slideshow", "File
 * Photo") and a currency's country code glued to its sign ("US$", "HK$", "A$").
 */
export function isNoName(mention: Mention, paragraph: string): boolean {
  if (paragraph[mention.end] === '$') return true;
  return FURNITURE.has(mention.text.toLowerCase().replace(/\s+/g, ' '));
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

/** Titles that end a name before them and start a person's name after them ("Cloudflare CEO Matthew Prince"). */
const TITLES = loadCues()['person-before'];

/**
 * Titles outside a person's name, which name no organization or place after them: split
 * off person spans only ("King Abdullah", not "King Abdullah University").
 */
const PERSON_TITLES = loadCues()['person-title'];

/** Words that only qualify a title ("Crown" Prince, "His Majesty" King): no name of their own. */
const TITLE_MODIFIERS = loadCues()['title-modifier'];

/** Last words of organizations' names ("University", "Ministry"): a title before one is part of it. */
const ORGANIZATION_HEADS = loadCues()['organization-last'];

/**
 * A name of up to three capitalized words right after a title ("Rep. Ada Quill", "King
 * Abdullah") is a person's, whatever type a recognizer guessed, unless its last word is an
 * organization's head word ("Minister Hall" yes, "President Hotel Group" no).
 */
export function titledPerson(mention: Mention | undefined, paragraph: string): Mention | undefined {
  if (!mention || mention.type === 'person') return mention;
  if (mention.type !== 'organization' && mention.type !== 'place') return mention;
  const words = mention.text.split(/\s+/);
  if (words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return mention;
  if (ORGANIZATION_HEADS.has(words.at(-1)!.toLowerCase())) return mention;
  const before = /(\S+) $/u.exec(paragraph.slice(Math.max(0, mention.start - 20), mention.start));
  const title = before?.[1];
  if (!title || !/^\p{Lu}/u.test(title)) return mention;
  const key = title.toLowerCase();
  if (!TITLES.has(key) && !PERSON_TITLES.has(key)) return mention;
  // A title is as specific as a pattern's evidence: it outweighs the tagger's guesses
  // at the same name elsewhere in the article.
  return { ...mention, type: 'person', score: Math.max(mention.score, 0.9), source: 'patterns' };
}

/**
 * Titles and honorifics are not part of names: a span with a title inside is cut there,
 * and what follows a title is a person's name, extended over the capitalized words right
 * after it when the recognizer stopped short ("CEO Matthew| Prince").
 */
export function splitAtTitle(mention: Mention | undefined, paragraph: string): Mention[] {
  if (!mention) return [];
  const words = [...mention.text.matchAll(/\S+/g)];
  const at = words.findIndex(
    (w, i) =>
      i < words.length - 1 &&
      /^\p{Lu}/u.test(w[0]) &&
      (TITLES.has(w[0].toLowerCase()) ||
        (mention.type === 'person' && PERSON_TITLES.has(w[0].toLowerCase()))),
  );
  if (at < 0) return [mention];
  const title = words[at]!;
  const next = words[at + 1]!;
  const onlyModifiers = words
    .slice(0, at)
    .every((w) => TITLE_MODIFIERS.has(w[0].toLowerCase().replace(/[’']s$/, '')));
  const before =
    at > 0 && !onlyModifiers
      ? trimSpan({
          ...mention,
          end: mention.start + title.index,
          text: mention.text.slice(0, title.index),
        })
      : undefined;
  let end = mention.end;
  for (const match of paragraph.slice(end).matchAll(/^ (\p{Lu}[\p{L}'’-]*)/gu)) {
    if (NOT_NAMES.has(match[1]!) || TITLES.has(match[1]!.toLowerCase())) break;
    end += match[0].length;
  }
  const start = mention.start + next.index;
  // A title is strong evidence that a person's name follows.
  const after: Mention = {
    ...mention,
    type: 'person',
    score: Math.max(mention.score, 0.8),
    start,
    end,
    text: paragraph.slice(start, end),
  };
  return [...(before ? [before] : []), ...splitAtTitle(after, paragraph)];
}
