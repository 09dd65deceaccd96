/**
 * Normalized keys that decide when two names are the same entity: a fingerprint
 * (lowercase, no diacritics or punctuation) and a squashed key without spaces and
 * hyphens, so "Kiwi Farms", "KiwiFarms", "Kiwi-Farms" and "Kiwifarms" agree.
 */
import { displayName, nameKeyText } from '../core/names.ts';
import { loadCues } from '../recognize/lexicon.ts';

const TITLES = loadCues()['person-before'];

/** Display form: no leading "the", no possessive, no leading titles ("Rep.", "CEO"). */
export function cleanName(text: string): string {
  let name = displayName(text).replace(/['’]s?$/u, '');
  name = name.replace(/^the\s+(?=\p{Lu}|\d)/iu, '');
  for (;;) {
    const [first, ...rest] = name.split(' ');
    if (rest.length && first && TITLES.has(first.toLowerCase())) name = rest.join(' ');
    else return name;
  }
}

/**
 * Lowercase words without diacritics or punctuation: "the U.S. Capitol" → "us capitol".
 * Diacritics go only from Latin, Greek and Cyrillic letters; in other scripts (Devanagari's
 * vowel signs, Arabic's harakat) the marks are part of the word. Marks of a name with no
 * letter or digit (an emoji) are its key.
 */
export function fingerprint(name: string): string {
  const text = cleanName(nameKeyText(name));
  return (
    text
      .normalize('NFKD')
      .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[.'’]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}#]+/gu, ' ')
      .trim() || text.toLowerCase()
  );
}

/** The fingerprint without spaces or hyphens, and without a plural "s": "kiwifarm". */
export function squashedKey(name: string): string {
  return fingerprint(name)
    .replace(/\s+/g, '')
    .replace(/(?<=[^s])s$/, '');
}

/** Order-free key for event descriptions ("the attack on the Capitol on Jan. 6" in any order). */
export function eventKey(name: string): string {
  const STOP = new Set(['the', 'a', 'an', 'on', 'in', 'of', 'at']);
  return [
    ...new Set(
      fingerprint(name)
        .split(' ')
        .filter((w) => !STOP.has(w))
        .map((w) => w.replace(/s$/, '')),
    ),
  ]
    .sort()
    .join(' ');
}
