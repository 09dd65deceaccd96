/**
 * Gazetteers: lists of known names by class, matched against token sequences.
 * Ratinov & Roth (2009, §5) report gazetteer features as one of the largest single
 * gains. Matching is case-insensitive but starts only at capitalised tokens, so that
 * common words that happen to be names ("may", "bill") are not matched in running text.
 */
import { ENTITY_CLASSES } from './labels.ts';
import { isCapitalized } from './shape.ts';

/** Longest phrase (in tokens) that the gazetteer stores and matches. */
export const MAX_PHRASE_TOKENS = 6;

/**
 * Lists: the four entity classes, plus first names and surnames taken from two-or-more
 * word person names (Ratinov & Roth also used first-name and last-name lists).
 */
export const LIST_TYPES = [...ENTITY_CLASSES, 'FIRST', 'LAST'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** Names keyed by lower-cased, space-joined tokens; value is a bit set of list types. */
export type Gazetteer = Map<string, number>;

/** Adds a name (already tokenized) of the given class; person names also add their first and last word. */
export function addName(gazetteer: Gazetteer, tokens: readonly string[], type: ListType): void {
  if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) return;
  const key = tokens.join(' ').toLowerCase();
  const bit = 1 << LIST_TYPES.indexOf(type);
  gazetteer.set(key, (gazetteer.get(key) ?? 0) | bit);
  if (type === 'PER' && tokens.length > 1) {
    addName(gazetteer, tokens.slice(0, 1), 'FIRST');
    addName(gazetteer, tokens.slice(-1), 'LAST');
  }
}

/**
 * For each token, the gazetteer matches covering it as codes `4·class + part`
 * (part 0 B, 1 I, 2 L, 3 U), the same layout as BILOU labels.
 */
export function matchGazetteer(gazetteer: Gazetteer, words: readonly string[]): number[][] {
  const matches: number[][] = words.map(() => []);
  if (gazetteer.size === 0) return matches;
  for (let start = 0; start < words.length; start++) {
    if (!isCapitalized(words[start] as string)) continue;
    let key = '';
    const last = Math.min(words.length, start + MAX_PHRASE_TOKENS);
    for (let end = start + 1; end <= last; end++) {
      key =
        end === start + 1
          ? (words[start] as string).toLowerCase()
          : `${key} ${(words[end - 1] as string).toLowerCase()}`;
      const bits = gazetteer.get(key);
      if (bits === undefined) continue;
      for (let type = 0; type < LIST_TYPES.length; type++) {
        if ((bits & (1 << type)) === 0) continue;
        if (end - start === 1) {
          (matches[start] as number[]).push(type * 4 + 3);
          continue;
        }
        (matches[start] as number[]).push(type * 4);
        for (let i = start + 1; i < end - 1; i++) (matches[i] as number[]).push(type * 4 + 1);
        (matches[end - 1] as number[]).push(type * 4 + 2);
      }
    }
  }
  return matches;
}
