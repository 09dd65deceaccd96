/**
 * Word features shared by story detection and sentence alignment: normalized words,
 * content words (function words dropped, a plural "s" folded) and 32-bit hashes.
 */

/** Function words: they say nothing about which event a text is about. */
const STOP = new Set(
  (
    'a an the and or but nor so of to in on at by for with from as into onto about over under after before ' +
    'than then that this these those there here it its it’s he she they them his her their we our you your i me my ' +
    'is are was were be been being has have had do does did will would can could should may might must shall ' +
    'not no yes also just only very more most much many some any all each other such own same who whom whose ' +
    'which what when where why how if because while though although said says say told tell'
  ).split(' '),
);

/** Whether a lowercase word is a function word (article, preposition, pronoun, auxiliary…). */
export const isFunctionWord = (word: string): boolean => STOP.has(word);

/** Lowercase words (letters and digits), accents and apostrophes folded. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Words that carry content: no function words, no one-letter words, plural "s" folded. */
export function contentWords(text: string): string[] {
  return contentOf(words(text));
}

/** The content words among `list` (the `words` of a text), as `contentWords` gives them. */
export function contentOf(list: string[]): string[] {
  return list
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** FNV-1a, 32 bits: a fast, stable hash for shingles. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
