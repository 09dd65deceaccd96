/**
 * Fast scoring for beam tagging (issue 3: 100,000 tokens per second per core). It sums
 * exactly the features `FeatureExtractor` writes, but not feature by feature: each
 * distinct word is scored once for what depends on that word alone (its own features,
 * and what it contributes as a neighbour at −2, −1, +1, +2), and the label-pair
 * features are summed once per model. A token then costs four cached rows and a few
 * lookups instead of about thirty hashed lookups.
 *
 * Regrouping a sum changes nothing only when every partial sum is exact, so the scorer
 * is used only for tables where it is (`sumsAreExact`): the saved model's weights are
 * 16-bit integers times one scale, so all of them are multiples of one power of two and
 * their sums stay far inside a double's 53 bits. Tags are then identical to the
 * feature-by-feature path, which still serves training's unquantised tables.
 */
import { combine, hashString } from './hash.ts';
import { LABEL_COUNT } from './labels.ts';
import { CONTEXT_FEATURES, TEMPLATES, wordFeatures, type Resources } from './features.ts';
import { matchGazetteer } from './gazetteer.ts';
import { isAllCapsSentence, isCapitalized, wordShape } from './shape.ts';
import type { WeightTable } from './weights.ts';

const L = LABEL_COUNT;
/** Labels seen as history: -1 (before the sentence) to LABEL_COUNT − 1. */
const HISTORY_LABELS = LABEL_COUNT + 1;
/** Neighbour offsets whose features read only the neighbouring word, in row order. */
const OFFSETS = [-2, -1, 1, 2] as const;
/** Words cached before the cache starts again (about 700 bytes each). */
const MAX_WORDS = 1 << 16;
/** Most terms one token's score sums: context, history, extras and label features. */
const MAX_TERMS = 256;

/**
 * Whether every sum of up to `terms` of these weights is exact in double precision:
 * all are multiples of the smallest unit among them, and `terms` times the largest
 * fits in 53 bits of that unit.
 */
export function sumsAreExact(weights: Float32Array, terms = MAX_TERMS): boolean {
  const bits = new Uint32Array(weights.buffer, weights.byteOffset, weights.length);
  let unit = Infinity;
  let top = -Infinity;
  for (let i = 0; i < bits.length; i++) {
    const word = bits[i] as number;
    const exponent = (word >>> 23) & 0xff;
    if (exponent === 0xff) return false;
    const mantissa = (word & 0x7fffff) | (exponent ? 0x800000 : 0);
    if (mantissa === 0) continue;
    const shift = Math.max(exponent, 1) - 150;
    unit = Math.min(unit, shift + (31 - Math.clz32(mantissa & -mantissa)));
    top = Math.max(top, shift + 24);
  }
  return unit === Infinity || top + Math.log2(terms) - unit <= 53;
}

/**
 * A sentence as the scorer sees it: word ids and each token's context scores. Valid
 * until the next sentence is scored (the arrays are reused, and may be longer).
 */
export interface ScoredSentence {
  ids: Int32Array;
  /** Token i's scores of `extractContext`'s features at [i·LABEL_COUNT, …). */
  context: Float64Array;
}

/** Beam scoring over one weight table; see the module comment. */
export class BeamScorer {
  private readonly index: Int32Array;
  private readonly mask: number;
  private readonly weights: Float32Array;
  private readonly resources: Resources;
  /** PREV and PREV2 summed, per (prev2 + 1, prev1 + 1). */
  private readonly pairs: Float64Array;
  /** Per word id: hashes as `FeatureExtractor.prepare` computes them. */
  private ids = new Map<string, number>();
  /** Per word id: its lower case (the document history's key). */
  private lowerText: string[] = [];
  private lower = new Uint32Array(1024);
  private shape = new Uint32Array(1024);
  private cluster = new Uint32Array(1024);
  /** Per word id: 1 capitalised, 2 its lower case is in the clusters' vocabulary. */
  private flags = new Uint8Array(1024);
  /** Per word id: how many features `own` sums (bias included). */
  private ownCount = new Uint8Array(1024);
  /** Per word id: the bias and the word's own features, then its rows as each neighbour. */
  private rows = new Float64Array(1024 * 5 * L);
  /** The last sentence scored; its arrays are reused (and may be longer than it). */
  private sentence: ScoredSentence = { ids: new Int32Array(0), context: new Float64Array(0) };
  private readonly scratch = new Float64Array(L);
  /** Rows of the padding beyond the sentence, per offset. */
  private readonly padRows = new Float64Array(OFFSETS.length * L);

  constructor(table: WeightTable, resources: Resources) {
    if (table.width !== L) throw new Error(`a beam scorer needs rows of ${L} labels`);
    this.weights = table.weights;
    this.resources = resources;
    const size = table.keys.length;
    this.mask = size - 1;
    // Key and row side by side: one cache line per probe instead of two.
    this.index = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) {
      this.index[slot * 2] = table.keys[slot] as number;
      this.index[slot * 2 + 1] = table.slots[slot] as number;
    }
    const { PREV, PREV2, PAD } = TEMPLATES;
    this.pairs = new Float64Array(HISTORY_LABELS * HISTORY_LABELS * L);
    for (let prev2 = -1; prev2 < L; prev2++) {
      for (let prev1 = -1; prev1 < L; prev1++) {
        const at = ((prev2 + 1) * HISTORY_LABELS + prev1 + 1) * L;
        this.add(combine(PREV, prev1 + 2), this.pairs, at);
        this.add(combine(PREV2, combine(prev2 + 2, prev1 + 2)), this.pairs, at);
      }
    }
    OFFSETS.forEach((_, o) => this.neighbourRow(o, PAD, PAD, PAD, this.padRows, o * L));
  }

  /** A scorer for `table` when regrouped sums are exact (see the module comment), else undefined. */
  static of(table: WeightTable, resources: Resources): BeamScorer | undefined {
    if (!sumsAreExact(table.weights.subarray(0, table.size * table.width))) return undefined;
    return new BeamScorer(table, resources);
  }

  /** Adds the row of feature `key` (if the table has it) to `out[at…at+LABEL_COUNT)`. */
  add(key: number, out: Float64Array, at: number): void {
    const index = this.index;
    const k = key || 1;
    for (let slot = k & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = index[slot * 2 + 1] as number;
      if (row < 0) return;
      if (index[slot * 2] === (k | 0)) {
        const weights = this.weights;
        const base = row * L;
        for (let l = 0; l < L; l++)
          out[at + l] = (out[at + l] as number) + (weights[base + l] as number);
        return;
      }
    }
  }

  /** Adds the rows of `features[0..count)` to `out` (LABEL_COUNT entries). */
  addAll(features: Uint32Array, count: number, out: Float64Array): void {
    for (let f = 0; f < count; f++) this.add(features[f] as number, out, 0);
  }

  /** The features a word at `OFFSETS[o]` from the token contributes (extractContext's order aside). */
  private neighbourRow(
    o: number,
    lower: number,
    shape: number,
    cluster: number,
    out: Float64Array,
    at: number,
  ): void {
    const { NEAR_WORD, NEAR_SHAPE, NEAR_CLUSTER } = TEMPLATES;
    this.add(combine(NEAR_WORD[o] as number, lower), out, at);
    if (o === 1 || o === 2) {
      const side = o - 1;
      this.add(combine(NEAR_SHAPE[side] as number, shape), out, at);
      this.add(combine(NEAR_CLUSTER[side] as number, cluster), out, at);
    }
  }

  /** The id of `word`, scoring it on first sight. */
  private idOf(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(word, id);
    if (id >= this.lower.length) this.grow(id * 2);
    const lower = word.toLowerCase();
    const paths = this.resources.clusters.get(word) ?? this.resources.clusters.get(lower);
    this.lowerText[id] = lower;
    this.lower[id] = hashString(lower);
    this.shape[id] = hashString(wordShape(word));
    this.cluster[id] = paths ? (paths.at(-1) as number) + 1 : 0;
    this.flags[id] = (isCapitalized(word) ? 1 : 0) | (this.resources.clusters.has(lower) ? 2 : 0);
    const rows = this.rows;
    const at = id * 5 * L;
    rows.fill(0, at, at + 5 * L);
    this.add(TEMPLATES.BIAS, rows, at);
    const own = wordFeatures(word, this.resources);
    for (const feature of own) this.add(feature, rows, at);
    this.ownCount[id] = 1 + own.length;
    for (let o = 0; o < OFFSETS.length; o++)
      this.neighbourRow(
        o,
        this.lower[id]!,
        this.shape[id]!,
        this.cluster[id]!,
        rows,
        at + (o + 1) * L,
      );
    return id;
  }

  private grow(capacity: number): void {
    const grown = <T extends Uint32Array | Uint8Array | Float64Array>(array: T, width = 1): T => {
      const next = new (array.constructor as new (length: number) => T)(capacity * width);
      next.set(array);
      return next;
    };
    this.lower = grown(this.lower);
    this.shape = grown(this.shape);
    this.cluster = grown(this.cluster);
    this.flags = grown(this.flags);
    this.ownCount = grown(this.ownCount);
    this.rows = grown(this.rows, 5 * L);
  }

  /**
   * Each token's score of the features `FeatureExtractor.extractContext` writes. A token
   * whose features `extractContext` would cut short is scored through it instead.
   */
  scoreSentence(
    words: readonly string[],
    fallback: (i: number, out: Float64Array) => void,
  ): ScoredSentence {
    const n = words.length;
    // Starting the cache again mid-sentence would reuse ids this sentence holds.
    if (this.ids.size + n > MAX_WORDS) this.ids.clear();
    if (this.sentence.ids.length < n) {
      this.sentence = { ids: new Int32Array(n * 2), context: new Float64Array(n * 2 * L) };
    }
    const { ids, context } = this.sentence;
    for (let i = 0; i < n; i++) ids[i] = this.idOf(words[i] as string);
    const gazetteer = matchGazetteer(this.resources.gazetteer, words);
    const allCaps = isAllCapsSentence(words);
    const { lower, shape, rows } = this;
    const { PAD } = TEMPLATES;
    const scratch = this.scratch;
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      const at = i * L;
      const before = gazetteer[i - 1]?.length ?? 0;
      const after = gazetteer[i + 1]?.length ?? 0;
      const codes = gazetteer[i] as number[];
      const first = i === 0 ? 1 + ((this.flags[id] as number) & 1) : 0;
      const count =
        (this.ownCount[id] as number) +
        12 +
        first +
        (allCaps ? 1 : 0) +
        codes.length +
        before +
        after;
      if (count > CONTEXT_FEATURES) {
        scratch.fill(0);
        fallback(i, scratch);
        context.set(scratch, at);
        continue;
      }
      const own = id * 5 * L;
      for (let l = 0; l < L; l++) context[at + l] = rows[own + l] as number;
      for (let o = 0; o < OFFSETS.length; o++) {
        const j = i + (OFFSETS[o] as number);
        const source = j >= 0 && j < n ? rows : this.padRows;
        const from = j >= 0 && j < n ? (ids[j] as number) * 5 * L + (o + 1) * L : o * L;
        for (let l = 0; l < L; l++)
          context[at + l] = (context[at + l] as number) + (source[from + l] as number);
      }
      const word = lower[id] as number;
      const form = shape[id] as number;
      const { BIGRAM_LEFT, BIGRAM_RIGHT, NEXT_WORD_SHAPE, PREV_WORD_SHAPE, GAZ, GAZ_NEAR } =
        TEMPLATES;
      const left = i > 0 ? (lower[ids[i - 1] as number] as number) : PAD;
      const right = i + 1 < n ? (lower[ids[i + 1] as number] as number) : PAD;
      this.add(combine(BIGRAM_LEFT, combine(left, word)), context, at);
      this.add(combine(BIGRAM_RIGHT, combine(word, right)), context, at);
      this.add(combine(NEXT_WORD_SHAPE, combine(right, form)), context, at);
      this.add(combine(PREV_WORD_SHAPE, combine(left, form)), context, at);
      if (i === 0) {
        this.add(combine(TEMPLATES.FIRST, form), context, at);
        if (first === 2)
          this.add(
            combine(TEMPLATES.FIRST_LOWER_SEEN, (this.flags[id] as number) & 2 ? 1 : 0),
            context,
            at,
          );
      }
      if (allCaps) this.add(combine(TEMPLATES.CAPS_SENT, word), context, at);
      for (const code of codes) this.add(combine(GAZ, code), context, at);
      if (before)
        for (const code of gazetteer[i - 1] as number[])
          this.add(combine(GAZ_NEAR - 1, code), context, at);
      if (after)
        for (const code of gazetteer[i + 1] as number[])
          this.add(combine(GAZ_NEAR + 1, code), context, at);
    }
    return this.sentence;
  }

  /** The document-history key of token `i` of the last sentence scored: its lower case if capitalised. */
  historyKey(i: number): string | undefined {
    const id = this.sentence.ids[i] as number;
    return (this.flags[id] as number) & 1 ? this.lowerText[id] : undefined;
  }

  /** Writes into `out` the score of `extractLabels`' features for token `i`. */
  scoreLabels(
    sentence: ScoredSentence,
    i: number,
    prev1: number,
    prev2: number,
    out: Float64Array,
  ): void {
    const from = ((prev2 + 1) * HISTORY_LABELS + prev1 + 1) * L;
    for (let l = 0; l < L; l++) out[l] = this.pairs[from + l] as number;
    const id = sentence.ids[i] as number;
    this.add(combine(TEMPLATES.PREV_WORD, combine(prev1 + 2, this.lower[id] as number)), out, 0);
    this.add(combine(TEMPLATES.PREV_SHAPE, combine(prev1 + 2, this.shape[id] as number)), out, 0);
  }
}
