/**
 * MinHash signatures over word shingles (Broder 1997, "On the resemblance and
 * containment of documents") and LSH banding, so that near-duplicate texts meet as
 * candidates without comparing every pair of articles.
 */
import { hash32 } from '../core/text-features.ts';

/** Number of hash functions; 16 bands of 4 rows put the LSH threshold near Jaccard 0.5. */
export const PERMUTATIONS = 64;
const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;

/** Fixed odd multipliers and offsets, so that signatures are the same on every build. */
const MULTIPLIERS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => hash32(`a${i}`) | 1);
const OFFSETS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => hash32(`b${i}`));

/** Hashes of the word `k`-shingles of `words` (the words themselves when fewer). */
export function shingles(words: string[], k = 3): Set<number> {
  const out = new Set<number>();
  if (words.length < k) {
    if (words.length) out.add(hash32(words.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(hash32(words.slice(i, i + k).join(' ')));
  return out;
}

/** The MinHash signature of a shingle set. */
export function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      let h = (Math.imul(x, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0;
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two sets behind the signatures. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

/** LSH band keys of a signature: two texts sharing any key become candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++)
    keys.push(`${band}:${Array.from(sig.subarray(band * ROWS, (band + 1) * ROWS)).join('.')}`);
  return keys;
}
