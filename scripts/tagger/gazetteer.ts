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
 * word person names (Ratinov & Roth also used first-name and last-name lists), learnt from
 * annotated names; then the world's typed lists (world-names.ts).
 */
export const LIST_TYPES = [
  ...ENTITY_CLASSES,
  'FIRST',
  'LAST',
  'COUNTRY',
  'NATIONALITY',
  'REGION',
  'CITY',
  'BIG_CITY',
  'COMPANY',
  'PARTY',
  'UNIVERSITY',
  'CLUB',
  'OUTLET',
  'BRAND',
  'POLITICIAN',
  'GIVEN',
  'SURNAME',
] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** The bits of the lists learnt from annotated names, which the model file stores. */
export const LEARNT_LISTS = (1 << (ENTITY_CLASSES.length + 2)) - 1;

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

/** What `matchGazetteer` may extend: every key's word-boundary prefixes, per gazetteer. */
const prefixCache = new WeakMap<Gazetteer, { size: number; prefixes: Set<string> }>();

/**
 * The keys' proper prefixes that end where a word does: a phrase not among them is the
 * start of no key, so matching stops extending it. Rebuilt when names are added.
 */
function prefixesOf(gazetteer: Gazetteer): Set<string> {
  const cached = prefixCache.get(gazetteer);
  if (cached?.size === gazetteer.size) return cached.prefixes;
  const prefixes = new Set<string>();
  for (const key of gazetteer.keys()) {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1))
      prefixes.add(key.slice(0, at));
  }
  prefixCache.set(gazetteer, { size: gazetteer.size, prefixes });
  return prefixes;
}

/** Shared by every token that no name covers; never written to. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * For each token, the gazetteer matches covering it as codes `4·class + part`
 * (part 0 B, 1 I, 2 L, 3 U), the same layout as BILOU labels. Lists are read-only.
 */
export function matchGazetteer(gazetteer: Gazetteer, words: readonly string[]): number[][] {
  const matches = new Array<number[]>(words.length).fill(NONE as number[]);
  if (gazetteer.size === 0) return matches;
  const prefixes = prefixesOf(gazetteer);
  const push = (i: number, code: number): void => {
    if (matches[i] === NONE) matches[i] = [];
    (matches[i] as number[]).push(code);
  };
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
      if (bits !== undefined) {
        for (let type = 0; type < LIST_TYPES.length; type++) {
          if ((bits & (1 << type)) === 0) continue;
          if (end - start === 1) {
            push(start, type * 4 + 3);
            continue;
          }
          push(start, type * 4);
          for (let i = start + 1; i < end - 1; i++) push(i, type * 4 + 1);
          push(end - 1, type * 4 + 2);
        }
      }
      if (!prefixes.has(key)) break;
    }
  }
  return matches;
}
