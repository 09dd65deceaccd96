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

  constructor(capacityRows = 1 << 16) {
    const slots = nextPowerOfTwo(capacityRows * 2);
    this.keys = new Uint32Array(slots);
    this.slots = new Int32Array(slots).fill(-1);
    this.weights = new Float32Array(capacityRows * LABEL_COUNT);
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
    if ((this.size + 1) * LABEL_COUNT > this.weights.length) this.onGrow(this.size * 2);
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
    const weights = this.weights;
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f] as number);
      if (row < 0) continue;
      const base = row * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++)
        scores[l] = (scores[l] as number) + (weights[base + l] as number);
    }
  }

  /** Grows per-row arrays to hold `rows` rows; subclasses grow their own arrays too. */
  protected onGrow(rows: number): void {
    const weights = new Float32Array(rows * LABEL_COUNT);
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

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}
