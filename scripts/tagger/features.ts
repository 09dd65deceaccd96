/**
 * Feature extraction for the greedy BILOU tagger, after Ratinov & Roth (2009, §2–§6):
 * the word, its lower-cased form, shape, prefixes and suffixes, a ±2 window of words,
 * previous predictions, word clusters, gazetteer matches and the document's
 * "extended prediction history". Every feature is a 32-bit hash (see hash.ts).
 */
import { combine, hashString } from './hash.ts';
import { matchGazetteer, type Gazetteer } from './gazetteer.ts';
import { isAllCapsSentence, isCapitalized, wordShape } from './shape.ts';

/** Word → cluster ids at increasing granularity (e.g. 32 / 256 / 1024 clusters). */
export type WordClusters = ReadonlyMap<string, readonly number[]>;

/** The unlabelled and list-based knowledge features draw on. */
export interface Resources {
  clusters: WordClusters;
  gazetteer: Gazetteer;
}

const T = (name: string): number => hashString(name);
const BIAS = T('bias');
const [WORD, LOWER, SHAPE, PREFIX, SUFFIX, CLUSTER] = ['w', 'lw', 'sh', 'pre', 'suf', 'cl'].map(
  T,
) as number[] as [number, number, number, number, number, number];
const NEAR_WORD = [-2, -1, 1, 2].map((d) => T(`lw${d}`));
const NEAR_SHAPE = [-1, 1].map((d) => T(`sh${d}`));
const NEAR_CLUSTER = [-1, 1].map((d) => T(`cl${d}`));
const [BIGRAM_LEFT, BIGRAM_RIGHT, FIRST, CAPS_SENT, GAZ, GAZ_NEAR] = [
  'bl',
  'br',
  'first',
  'capsent',
  'gaz',
  'gazn',
].map(T) as number[] as [number, number, number, number, number, number];
const [PREV, PREV2, PREV_WORD, PREV_SHAPE, HISTORY, HISTORY_MAJOR] = [
  't1',
  't2',
  't1w',
  't1sh',
  'hist',
  'histmaj',
].map(T) as number[] as [number, number, number, number, number, number];
const [LOWER_SEEN, FIRST_LOWER_SEEN, NEXT_WORD_SHAPE, PREV_WORD_SHAPE] = [
  'lowseen',
  'firstlowseen',
  'nwsh',
  'pwsh',
].map(T) as number[] as [number, number, number, number];
const PAD = T('<pad>');

/**
 * The feature templates' ids, for `BeamScorer` (scorer.ts), which sums the same
 * features grouped by the word they read; test/tagger/scorer.test.ts checks it agrees.
 */
export const TEMPLATES = {
  BIAS,
  NEAR_WORD,
  NEAR_SHAPE,
  NEAR_CLUSTER,
  BIGRAM_LEFT,
  BIGRAM_RIGHT,
  FIRST,
  FIRST_LOWER_SEEN,
  CAPS_SENT,
  GAZ,
  GAZ_NEAR,
  NEXT_WORD_SHAPE,
  PREV_WORD_SHAPE,
  PREV,
  PREV2,
  PREV_WORD,
  PREV_SHAPE,
  PAD,
} as const;

/** Per-sentence precomputation shared by all tokens of the sentence. */
export interface SentenceFeatures {
  words: readonly string[];
  lower: Uint32Array;
  shape: Uint32Array;
  cluster: Uint32Array;
  own: Uint32Array[];
  gazetteer: number[][];
  allCaps: boolean;
}

/** Upper bound on features per token, for the caller's buffer. */
export const MAX_FEATURES = 96;

/** At most this many of `extractContext`'s features count (rare: many gazetteer matches). */
export const CONTEXT_FEATURES = MAX_FEATURES - 16;

/** Features of the word alone: identity, case, shape, affixes, clusters. */
export function wordFeatures(word: string, resources: Resources): Uint32Array {
  const lower = word.toLowerCase();
  const list = [
    combine(WORD, hashString(word)),
    combine(LOWER, hashString(lower)),
    combine(SHAPE, hashString(wordShape(word))),
  ];
  for (let n = 1; n <= 4 && n < lower.length; n++) {
    list.push(
      combine(PREFIX + n, hashString(lower.slice(0, n))),
      combine(SUFFIX + n, hashString(lower.slice(-n))),
    );
  }
  const paths = resources.clusters.get(word) ?? resources.clusters.get(lower);
  if (paths) paths.forEach((id, level) => list.push(combine(CLUSTER + level, id + 1)));
  // Is a capitalised word also written in lower case in the unlabelled news? If not,
  // it is probably a name even at the start of a sentence (Mikheev 1999's insight).
  if (isCapitalized(word)) list.push(combine(LOWER_SEEN, resources.clusters.has(lower) ? 1 : 0));
  return Uint32Array.from(list);
}

/** Extracts features; caches each word's own features because words repeat (Zipf). */
export class FeatureExtractor {
  readonly resources: Resources;
  private cache = new Map<string, Uint32Array>();
  /** The last sentences prepared, so a second pass over a document reuses them. */
  private prepared = new WeakMap<readonly string[], SentenceFeatures>();

  constructor(resources: Resources) {
    this.resources = resources;
  }

  /** Features of the word alone (`wordFeatures`), cached. */
  private ownFeatures(word: string): Uint32Array {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const features = wordFeatures(word, this.resources);
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(word, features);
    return features;
  }

  /** Precomputes what every token of `words` needs. */
  prepare(words: readonly string[]): SentenceFeatures {
    const known = this.prepared.get(words);
    if (known) return known;
    const n = words.length;
    const lower = new Uint32Array(n);
    const shape = new Uint32Array(n);
    const cluster = new Uint32Array(n);
    const own: Uint32Array[] = [];
    for (let i = 0; i < n; i++) {
      const word = words[i] as string;
      lower[i] = hashString(word.toLowerCase());
      shape[i] = hashString(wordShape(word));
      const paths =
        this.resources.clusters.get(word) ?? this.resources.clusters.get(word.toLowerCase());
      cluster[i] = paths ? (paths.at(-1) as number) + 1 : 0;
      own.push(this.ownFeatures(word));
    }
    const gazetteer = matchGazetteer(this.resources.gazetteer, words);
    const prepared = {
      words,
      lower,
      shape,
      cluster,
      own,
      gazetteer,
      allCaps: isAllCapsSentence(words),
    };
    this.prepared.set(words, prepared);
    return prepared;
  }

  /**
   * Writes the features of token `i` into `out` and returns how many. `prev1`, `prev2`
   * are the labels predicted for the two previous tokens (-1 before the sentence);
   * `history` is the class counts this word received earlier in the document.
   */
  extract(
    s: SentenceFeatures,
    i: number,
    prev1: number,
    prev2: number,
    history: ArrayLike<number> | undefined,
    out: Uint32Array,
  ): number {
    const k = this.extractStatic(s, i, history, out);
    return Math.min(this.extractLabels(s, i, prev1, prev2, out, k), MAX_FEATURES);
  }

  /**
   * The features of token `i` that do not depend on the labels chosen before it, so a
   * beam decoder scores them once per token (see decode.ts). Returns how many.
   */
  extractStatic(
    s: SentenceFeatures,
    i: number,
    history: ArrayLike<number> | undefined,
    out: Uint32Array,
  ): number {
    return this.extractHistory(s, i, history, out, this.extractContext(s, i, out));
  }

  /** The features of token `i` that read only the sentence (no labels, no history). */
  extractContext(s: SentenceFeatures, i: number, out: Uint32Array): number {
    let k = 0;
    out[k++] = BIAS;
    for (const feature of s.own[i] as Uint32Array) out[k++] = feature;
    const n = s.words.length;
    const at = (array: Uint32Array, j: number): number =>
      j >= 0 && j < n ? (array[j] as number) : PAD;
    const lower = s.lower[i] as number;
    const shape = s.shape[i] as number;
    out[k++] = combine(NEAR_WORD[0] as number, at(s.lower, i - 2));
    out[k++] = combine(NEAR_WORD[1] as number, at(s.lower, i - 1));
    out[k++] = combine(NEAR_WORD[2] as number, at(s.lower, i + 1));
    out[k++] = combine(NEAR_WORD[3] as number, at(s.lower, i + 2));
    out[k++] = combine(NEAR_SHAPE[0] as number, at(s.shape, i - 1));
    out[k++] = combine(NEAR_SHAPE[1] as number, at(s.shape, i + 1));
    out[k++] = combine(NEAR_CLUSTER[0] as number, at(s.cluster, i - 1));
    out[k++] = combine(NEAR_CLUSTER[1] as number, at(s.cluster, i + 1));
    out[k++] = combine(BIGRAM_LEFT, combine(at(s.lower, i - 1), lower));
    out[k++] = combine(BIGRAM_RIGHT, combine(lower, at(s.lower, i + 1)));
    out[k++] = combine(NEXT_WORD_SHAPE, combine(at(s.lower, i + 1), shape));
    out[k++] = combine(PREV_WORD_SHAPE, combine(at(s.lower, i - 1), shape));
    if (i === 0) {
      out[k++] = combine(FIRST, shape);
      const word = s.words[0] as string;
      if (isCapitalized(word))
        out[k++] = combine(
          FIRST_LOWER_SEEN,
          this.resources.clusters.has(word.toLowerCase()) ? 1 : 0,
        );
    }
    if (s.allCaps) out[k++] = combine(CAPS_SENT, lower);
    for (const code of s.gazetteer[i] as number[]) out[k++] = combine(GAZ, code);
    for (const d of [-1, 1]) {
      for (const code of s.gazetteer[i + d] ?? []) out[k++] = combine(GAZ_NEAR + d, code);
    }
    return Math.min(k, CONTEXT_FEATURES);
  }

  /**
   * Appends at `k` the features of the document's prediction history for token `i`
   * (they depend on the labels of earlier sentences); returns the new count.
   */
  extractHistory(
    s: SentenceFeatures,
    i: number,
    history: ArrayLike<number> | undefined,
    out: Uint32Array,
    k: number,
  ): number {
    return historyFeatures(s.words[i] as string, history, out, k);
  }

  /** Appends at `k` the features that read the two previous labels; returns the new count. */
  extractLabels(
    s: SentenceFeatures,
    i: number,
    prev1: number,
    prev2: number,
    out: Uint32Array,
    k: number,
  ): number {
    out[k++] = combine(PREV, prev1 + 2);
    out[k++] = combine(PREV2, combine(prev2 + 2, prev1 + 2));
    out[k++] = combine(PREV_WORD, combine(prev1 + 2, s.lower[i] as number));
    out[k++] = combine(PREV_SHAPE, combine(prev1 + 2, s.shape[i] as number));
    return k;
  }
}

/**
 * Appends at `k` the prediction-history features of `word` (capitalised words only);
 * returns the new count.
 */
export function historyFeatures(
  word: string,
  history: ArrayLike<number> | undefined,
  out: Uint32Array,
  k: number,
): number {
  if (history && isCapitalized(word)) k = addHistory(history, out, k);
  return Math.min(k, MAX_FEATURES - LABEL_FEATURES);
}

/** How many features `extractLabels` writes. */
export const LABEL_FEATURES = 4;

/**
 * Extended prediction history (Ratinov & Roth 2009, §6.3): which classes the same
 * word was given earlier in the document. `history[c]` counts class c (last slot: O).
 */
function addHistory(history: ArrayLike<number>, out: Uint32Array, start: number): number {
  let k = start;
  let total = 0;
  for (let c = 0; c < history.length; c++) total += history[c] as number;
  if (total === 0) return k;
  for (let c = 0; c < history.length; c++) {
    const count = history[c] as number;
    if (count === 0) continue;
    out[k++] = combine(HISTORY, c);
    if (count * 2 > total) out[k++] = combine(HISTORY_MAJOR, c);
  }
  return k;
}
