/**
 * Aliases introduced in the text: "Anti-Defamation League (ADL)" gives the name right
 * before it an acronym; "Clara Sorrenti, a Twitch streamer known online as Keffals" and
 * "who goes by the online name Keffals" give the nearest person before the cue a nickname.
 */
import type { Mention, Paragraph } from '../core/types.ts';

const ACRONYM = /^\s*\(\s*([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})\s*\)/u;
const NICKNAME =
  /\b(?:known (?:online |on [\p{L}]+ )?as|(?:who )?goes by(?: the(?: online| screen)? name)?|nicknamed|also called|a\.k\.a\.?|aka)\s+["“]?([\p{Lu}\p{N}][\p{L}\p{N}_-]+(?: [\p{Lu}][\p{L}\p{N}_-]+)?)/gu;

export interface IntroducedAlias {
  mention: Mention;
  alias: string;
}

/** Aliases introduced in one paragraph, each with the mention it names. */
export function findIntroducedAliases(
  paragraph: Paragraph,
  mentions: Mention[],
): IntroducedAlias[] {
  const found: IntroducedAlias[] = [];
  for (const mention of mentions) {
    if (mention.type === 'event' || mention.type === 'campaign') continue;
    const acronym = ACRONYM.exec(paragraph.text.slice(mention.end))?.[1];
    if (acronym && acronym !== mention.text && isAcronymOf(acronym, mention.text)) {
      found.push({ mention, alias: acronym });
    }
  }
  for (const sentence of paragraph.sentences) {
    const text = paragraph.text.slice(sentence.start, sentence.end);
    for (const match of text.matchAll(NICKNAME)) {
      const cue = sentence.start + match.index;
      const person = mentions
        .filter((m) => m.type === 'person' && m.start >= sentence.start && m.end <= cue)
        .at(-1);
      if (person && match[1] !== person.text) found.push({ mention: person, alias: match[1]! });
    }
  }
  return found;
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', '&']);

const acronymLetters = (acronym: string) => acronym.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
const nameWords = (name: string) => name.split(/[\s-]+/).filter(Boolean);

/**
 * The initials of a name's words that are not minor ("Anti-Defamation League": "adl";
 * "Bank of England": "be"): every acronym of the name (`isAcronymOf`) has them, in this
 * order, with at most the minor words' initials between.
 */
export function nameInitials(name: string): string {
  return nameWords(name)
    .map((w) => w.toLowerCase())
    .filter((w) => !MINOR_WORDS.has(w))
    .map((w) => w[0])
    .join('');
}

/**
 * What `nameInitials` may be for a name `acronym` stands for: the acronym's letters, less
 * any of them (those minor words stand for). At most 64 for the six letters of the
 * longest acronym `resolve-variants.ts` considers.
 */
export function initialsFor(acronym: string): Set<string> {
  const letters = acronymLetters(acronym);
  const found = new Set<string>();
  for (let mask = 0; mask < 1 << letters.length; mask++) {
    let kept = '';
    for (let i = 0; i < letters.length; i++) if (mask & (1 << i)) kept += letters[i];
    found.add(kept);
  }
  return found;
}

/**
 * "ADL" stands for "Anti-Defamation League": the acronym's letters are the initials of the
 * name's words (hyphenated parts counted, minor words optional). A bracket after a name
 * is often something else: "Michael Johnson (U.S.)" names a country, not Johnson.
 */
export function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronymLetters(acronym);
  const words = nameWords(name);
  const match = (i: number, j: number): boolean => {
    if (j === letters.length) return words.slice(i).every((w) => MINOR_WORDS.has(w.toLowerCase()));
    if (i === words.length) return false;
    const word = words[i]!.toLowerCase();
    if (MINOR_WORDS.has(word) && match(i + 1, j)) return true;
    return word[0] === letters[j] && match(i + 1, j + 1);
  };
  return letters.length >= 2 && match(0, 0);
}
