/**
 * Feature weights: an open-addressing hash table from feature hash to a row of
 * LABEL_COUNT weights. One flat Float32Array keeps scoring cache-friendly and makes
 * the model trivially serialisable.
 */
import { LABEL_COUNT } from './labels.ts';

/** A table of weight rows keyed by nonzero 32-bit feature hashes. */
export class WeightTable {
  keys: Uint32Array;
  slots: Int32Array;
  weights: Float32Array;
  size = 0;
  /** Weights per row: LABEL_COUNT, or a multiple for tables that join several passes. */
  readonly width: number;

  constructor(capacityRows = 1 << 16, width = LABEL_COUNT) {
    const slots = nextPowerOfTwo(capacityRows * 2);
    this.width = width;
    this.keys = new Uint32Array(slots);
    this.slots = new Int32Array(slots).fill(-1);
    this.weights = new Float32Array(capacityRows * width);
  }

  /** The row of `key`, or -1 when the feature has no weights. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    const k = key || 1;
    for (let slot = k & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot] as number;
      if (row < 0 || this.keys[slot] === k) return row;
    }
  }

  /** The row of `key`, created (zeroed) when absent. */
  ensure(key: number): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    if ((this.size + 1) * this.width > this.weights.length) this.onGrow(this.size * 2);
    const mask = this.keys.length - 1;
    const k = key || 1;
    let slot = k & mask;
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.keys[slot] = k;
    this.slots[slot] = this.size;
    return this.size++;
  }

  /** Adds the weight rows of `features[0..count)` into `scores`. */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0);
    this.add(features, count, scores);
  }

  /** Adds the weight rows of `features[0..count)` to `scores` (`width` entries). */
  add(features: Uint32Array, count: number, scores: Float64Array): void {
    const weights = this.weights;
    const width = this.width;
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f] as number);
      if (row < 0) continue;
      const base = row * width;
      for (let l = 0; l < width; l++)
        scores[l] = (scores[l] as number) + (weights[base + l] as number);
    }
  }

  /** Grows per-row arrays to hold `rows` rows; subclasses grow their own arrays too. */
  protected onGrow(rows: number): void {
    const weights = new Float32Array(rows * this.width);
    weights.set(this.weights);
    this.weights = weights;
  }

  private rehash(slotCount: number): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Uint32Array(slotCount);
    this.slots = new Int32Array(slotCount).fill(-1);
    const mask = slotCount - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      const row = oldSlots[s] as number;
      if (row < 0) continue;
      let slot = (oldKeys[s] as number) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[s] as number;
      this.slots[slot] = row;
    }
  }

  /** Every (key, row) pair, for serialisation. */
  *entries(): Generator<[number, number]> {
    for (let s = 0; s < this.keys.length; s++) {
      const row = this.slots[s] as number;
      if (row >= 0) yield [this.keys[s] as number, row];
    }
  }
}

/**
 * A read-only table whose rows hold several tables' weights side by side, quantised to
 * 16 bits (as the model file stores them) with one scale per table, and each slot's key
 * next to its row number: one cache line per feature instead of three, which is what
 * tagging speed is bound by.
 */
export class JointTable {
  private readonly slots: Int32Array;
  private readonly weights: Int16Array;
  private readonly scales: Float64Array;
  readonly width: number;

  constructor(tables: readonly WeightTable[]) {
    this.width = tables.reduce((sum, table) => sum + table.width, 0);
    const rows = new Map<number, number>();
    for (const table of tables)
      for (const [key] of table.entries()) if (!rows.has(key)) rows.set(key, rows.size);
    const size = nextPowerOfTwo(rows.size * 2 + 2);
    this.slots = new Int32Array(size * 2).fill(-1);
    const mask = size - 1;
    for (const [key, row] of rows) {
      let slot = key & mask;
      while ((this.slots[slot * 2 + 1] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot * 2] = key | 0;
      this.slots[slot * 2 + 1] = row;
    }
    this.weights = new Int16Array(rows.size * this.width);
    this.scales = new Float64Array(this.width);
    let offset = 0;
    for (const table of tables) {
      let largest = 0;
      for (const value of table.weights.subarray(0, table.size * table.width))
        largest = Math.max(largest, Math.abs(value));
      const scale = largest / 32767 || 1;
      this.scales.fill(scale, offset, offset + table.width);
      for (const [key, from] of table.entries()) {
        const base = (rows.get(key) as number) * this.width + offset;
        for (let l = 0; l < table.width; l++)
          this.weights[base + l] = Math.round(
            (table.weights[from * table.width + l] as number) / scale,
          );
      }
      offset += table.width;
    }
  }

  /** Writes into `scores` (`width` entries) the summed rows of `features[0..count)`. */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0);
    const { slots, weights, width } = this;
    const mask = (slots.length >> 1) - 1;
    for (let f = 0; f < count; f++) {
      const key = (features[f] as number) || 1;
      let row = -1;
      for (let slot = key & mask; ; slot = (slot + 1) & mask) {
        const found = slots[slot * 2 + 1] as number;
        if (found < 0) break;
        if (slots[slot * 2] === (key | 0)) {
          row = found;
          break;
        }
      }
      if (row < 0) continue;
      const base = row * width;
      for (let l = 0; l < width; l++)
        scores[l] = (scores[l] as number) + (weights[base + l] as number);
    }
    for (let l = 0; l < width; l++) scores[l] = (scores[l] as number) * (this.scales[l] as number);
  }
}

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}
