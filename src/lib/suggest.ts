/**
 * The entity a query names, and "Did you mean …" for one it nearly names. The list is
 * `data/names.json` (written at build time by the emit stage); matching is plain string
 * similarity in the browser, so a misspelt name ("Mathew Prins") still finds its page,
 * and a query that is a name ("reagan") leads to that page first, whatever the full-text
 * ranking says. Pure functions: the search page and the tests share them.
 */

/** One entry of `names.json`: the name, its page, its type, its mentions, then its other spellings. */
export type NameEntry = [
  name: string,
  path: string,
  type: string,
  mentions: number,
  ...aliases: string[],
];

export interface Suggestion {
  name: string;
  path: string;
  /** The type's label ("Person"). */
  type: string;
  mentions: number;
  score: number;
}

/** Lower case, accents and punctuation gone, spaces collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/**
 * Similarity of a query to one spelling in [0, 1]: the better of edit distance (good for
 * typos) and trigram overlap (good for words swapped or left out).
 */
export function similarity(query: string, candidate: string): number {
  if (!query || !candidate) return 0;
  const edit = 1 - editDistance(query, candidate) / Math.max(query.length, candidate.length);
  const a = trigrams(query);
  const b = trigrams(candidate);
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  return Math.max(edit, dice);
}

/**
 * The names closest to `query`, best first. Each entry is scored by its best spelling,
 * and a query of one word is also held against each word of a name ("Prins" → Matthew
 * Prince). Ties keep the list's order, so results are stable.
 */
export function suggest(
  query: string,
  names: readonly NameEntry[],
  { limit = 5, threshold = 0.6 } = {},
): Suggestion[] {
  const q = normalize(query);
  if (q.length < 2) return [];
  const oneWord = !q.includes(' ');
  const scored: Suggestion[] = [];
  for (const [name, path, type, mentions, ...aliases] of names) {
    let score = 0;
    for (const spelling of [name, ...aliases]) {
      const s = normalize(spelling);
      score = Math.max(score, similarity(q, s));
      if (oneWord)
        for (const word of s.split(' '))
          if (word.length >= 3) score = Math.max(score, similarity(q, word) * 0.95);
    }
    if (score >= threshold) scored.push({ name, path, type, mentions, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.mentions - a.mentions).slice(0, limit);
}

/**
 * The entity whose name or other spelling the query is, ignoring case, accents and
 * punctuation ("u.s." is "U.S."); of several, the most mentioned.
 */
export function exactMatch(query: string, names: readonly NameEntry[]): Suggestion | undefined {
  const q = normalize(query);
  if (!q) return undefined;
  let best: Suggestion | undefined;
  for (const [name, path, type, mentions, ...aliases] of names) {
    if (best && mentions <= best.mentions) continue;
    if ([name, ...aliases].some((spelling) => normalize(spelling) === q))
      best = { name, path, type, mentions, score: 1 };
  }
  return best;
}

/**
 * Names a query nearly is, for "Did you mean" beside results: one or two letters off
 * (one for names of up to seven letters), most mentioned first. A query that is a name
 * has none.
 */
export function nearMisses(query: string, names: readonly NameEntry[], limit = 3): Suggestion[] {
  const q = normalize(query);
  if (q.length < 3 || exactMatch(query, names)) return [];
  const found: Suggestion[] = [];
  for (const [name, path, type, mentions, ...aliases] of names) {
    const best = Math.min(
      ...[name, ...aliases].map((spelling) => {
        const s = normalize(spelling);
        return Math.abs(s.length - q.length) > 2 ? Infinity : editDistance(q, s);
      }),
    );
    if (best <= (q.length >= 8 ? 2 : 1))
      found.push({ name, path, type, mentions, score: 1 - best / q.length });
  }
  return found.sort((a, b) => b.score - a.score || b.mentions - a.mentions).slice(0, limit);
}
