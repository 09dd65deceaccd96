/**
 * Spherical k-means (Dhillon & Modha 2001) on unit vectors: assignment by largest dot
 * product, centroids renormalised. Seeded initialisation keeps clustering deterministic.
 */
import { seededRandom } from './hash.ts';

/** Clusters `count` unit vectors of dimension `dim` (row-major in `data`) into `k`; returns assignments. */
export function sphericalKMeans(
  data: Float32Array,
  count: number,
  dim: number,
  k: number,
  iterations: number,
  seed: number,
): Int32Array {
  const random = seededRandom(seed);
  const centroids = new Float32Array(k * dim);
  const chosen = new Set<number>();
  for (let c = 0; c < k; c++) {
    let pick = Math.floor(random() * count);
    while (chosen.has(pick) && chosen.size < count) pick = (pick + 1) % count;
    chosen.add(pick);
    centroids.set(data.subarray(pick * dim, pick * dim + dim), c * dim);
  }
  const assignment = new Int32Array(count).fill(-1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestDot = -Infinity;
      const base = i * dim;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const cbase = c * dim;
        for (let d = 0; d < dim; d++)
          dot += (data[base + d] as number) * (centroids[cbase + d] as number);
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < count; i++) {
      const cbase = (assignment[i] as number) * dim;
      for (let d = 0; d < dim; d++)
        centroids[cbase + d] = (centroids[cbase + d] as number) + (data[i * dim + d] as number);
    }
    normalizeRows(centroids, k, dim);
    if (moved === 0) break;
  }
  return assignment;
}

/** Scales each row of a row-major matrix to unit length (zero rows stay zero). */
export function normalizeRows(data: Float32Array, rows: number, dim: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (data[r * dim + d] as number) ** 2;
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) data[r * dim + d] = (data[r * dim + d] as number) * scale;
  }
}
