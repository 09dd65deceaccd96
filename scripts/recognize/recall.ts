/**
 * One name, one meaning per article (Gale, Church & Yarowsky's "one sense per discourse",
 * as Mikheev 1999 and Ratinov & Roth 2009 §6 use it for names): a name the recognizers
 * found once in an article is the same name where they missed it in that article, in a
 * quotation, a caption or a headline ("targeted by Kiwifarms" where the article has "Kiwi
 * Farms"; "Boric" where it has "Gabriel Boric"). Runs after the recognizers; it only adds
 * mentions where none stands, so everything they found stays as it was.
 *
 * What is looked for: each found name as written; a multi-word name written as one word
 * ("KiwiFarms"); a person's surname when no other person of the article shares it; and a
 * short name the article introduces in brackets after a name ("… Coordinator (CAM)").
 * Single words that are titles, cues or `not-names.txt` words are never looked for alone.
 */
import type { Mention, Paragraph, SegmentedArticle, Token } from '../core/types.ts';
import type { EntityType } from '../core/schema.ts';
import { loadCues } from './lexicon.ts';
import { NOT_NAMES } from './names.ts';
import { appendTo } from '../core/collections.ts';

/** A found name to look for: its words, and what it is. */
interface Known {
  words: string[];
  type: EntityType;
  score: number;
  source: string;
}

/** Types whose names are looked for again (events and campaigns are phrases, not names). */
const RECALLED: ReadonlySet<EntityType> = new Set(['person', 'organization', 'place', 'site']);

/** The score of a mention found again: weaker than the one it repeats. */
const RECALL_FACTOR = 0.8;

const cues = loadCues();
const NEVER_ALONE = new Set([
  ...cues['person-before'],
  ...cues['person-title'],
  ...cues['title-modifier'],
  ...cues['organization-last'],
]);

function usableAlone(word: string): boolean {
  return (
    word.length >= 3 &&
    /^\p{Lu}/u.test(word) &&
    !NOT_NAMES.has(word) &&
    !NEVER_ALONE.has(word.toLowerCase())
  );
}

/** The mentions a found name adds where it stands again, unrecognized, in the article. */
export function recallNames(doc: SegmentedArticle, accepted: readonly Mention[]): Mention[] {
  const byFirstWord = new Map<string, Known[]>();
  /** Multi-word names written as one word, by that word lower-cased. */
  const joined = new Map<string, Known>();
  const add = (known: Known): void => {
    const list = byFirstWord.get(known.words[0]!) ?? [];
    if (list.some((k) => k.words.join(' ') === known.words.join(' '))) return;
    list.push(known);
    byFirstWord.set(known.words[0]!, list);
  };
  const surnames = new Map<string, Known | null>();
  for (const m of accepted) {
    if (!RECALLED.has(m.type)) continue;
    const words = m.text.split(/\s+/);
    const base = { type: m.type, score: m.score * RECALL_FACTOR, source: m.source };
    if (words.length > 1 || usableAlone(words[0]!)) add({ ...base, words });
    if (words.length > 1 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]/u.test(w)))
      joined.set(words.join('').toLowerCase(), { ...base, words });
    if (m.type === 'person' && words.length > 1 && usableAlone(words.at(-1)!)) {
      const surname = words.at(-1)!;
      const other = surnames.get(surname);
      // Two people of one surname: a bare surname could be either, so it is neither.
      surnames.set(
        surname,
        other === undefined || other?.words.join(' ') === words.join(' ')
          ? { ...base, words: [surname] }
          : null,
      );
    }
  }
  for (const known of surnames.values()) if (known) add(known);
  for (const known of introducedShortNames(doc, accepted)) add(known);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const taken = new Map<string, Mention[]>();
  for (const m of accepted) appendTo(taken, m.paragraph, m);
  const added: Mention[] = [];
  for (const paragraph of doc.paragraphs) {
    const inParagraph = taken.get(paragraph.id) ?? [];
    const free = (start: number, end: number): boolean =>
      !inParagraph.some((m) => m.start < end && start < m.end);
    for (const { tokens } of paragraph.sentences) {
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (!/^\p{Lu}/u.test(token.text)) continue;
        const found =
          longestMatch(byFirstWord.get(token.text), tokens, i) ??
          joinedMatch(joined.get(token.text.toLowerCase()));
        if (!found) continue;
        const last = tokens[i + found.words.length - 1]!;
        if (!free(token.start, last.end) || continuesName(tokens, i, found.words.length)) continue;
        const mention = mentionAt(paragraph, token, last, found);
        inParagraph.push(mention);
        added.push(mention);
        i += found.words.length - 1;
      }
    }
  }
  return added;
}

/**
 * A short name an article introduces in brackets right after a name it found ("Arauco
 * Malleco Coordinator (CAM)", "Freedom and Refoundation (Libre)"): a name of the same
 * thing wherever it stands in the article, the bracketed one included.
 */
const INTRODUCED = /^\s?\(["“]?(\p{Lu}[\p{L}\p{N}&.-]{1,11})["”]?\)/u;

function introducedShortNames(doc: SegmentedArticle, accepted: readonly Mention[]): Known[] {
  const text = new Map(doc.paragraphs.map((p) => [p.id, p.text]));
  const found: Known[] = [];
  for (const m of accepted) {
    if (m.type !== 'organization' && m.type !== 'place' && m.type !== 'site') continue;
    const short = INTRODUCED.exec((text.get(m.paragraph) ?? '').slice(m.end, m.end + 20))?.[1];
    if (!short || !usableAlone(short) || m.text.split(/\s+/).length < 2) continue;
    found.push({ words: [short], type: m.type, score: m.score * RECALL_FACTOR, source: m.source });
  }
  return found;
}

function longestMatch(
  candidates: readonly Known[] | undefined,
  tokens: readonly Token[],
  at: number,
): Known | undefined {
  return candidates?.find((known) => known.words.every((word, k) => tokens[at + k]?.text === word));
}

function joinedMatch(known: Known | undefined): Known | undefined {
  return known ? { ...known, words: [known.words.join('')] } : undefined;
}

/**
 * Whether the match is part of a longer capitalized name the recognizers left alone
 * ("Prince" in "Prince Edward Island"): then it is not this name.
 */
function continuesName(tokens: readonly Token[], at: number, length: number): boolean {
  const before = tokens[at - 1];
  const after = tokens[at + length];
  const capitalized = (t: Token | undefined): boolean =>
    t !== undefined &&
    /^\p{Lu}/u.test(t.text) &&
    !NOT_NAMES.has(t.text) &&
    !NEVER_ALONE.has(t.text.toLowerCase());
  return (at > 0 && capitalized(before)) || capitalized(after);
}

function mentionAt(paragraph: Paragraph, first: Token, last: Token, known: Known): Mention {
  return {
    paragraph: paragraph.id,
    start: first.start,
    end: last.end,
    text: paragraph.text.slice(first.start, last.end),
    type: known.type,
    score: Math.round(known.score * 1000) / 1000,
    source: known.source,
  };
}
