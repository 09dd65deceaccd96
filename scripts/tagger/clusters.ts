/**
 * Word clusters learned without labels from the unannotated news sets (BBC, Reuters-
 * 21578 NORM bodies) plus CoNLL train text. Ratinov & Roth (2009, §5) used Brown
 * clusters; here each word is a vector of its left and right neighbours (Hellinger-
 * weighted, randomly projected to 128 dimensions) clustered by spherical k-means, and
 * the fine clusters are clustered again into coarser levels, a cheap stand-in for
 * Brown's bit-string prefixes that runs in about a minute on one core.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tokenize } from '../segment/tokenize.ts';
import { readJsonl } from './corpus.ts';
import type { WordClusters } from './features.ts';
import { hashString } from './hash.ts';
import { normalizeRows, sphericalKMeans } from './kmeans.ts';

/** Derived file: `word\tcoarse\tmiddle\tfine` lines, gzip'd. */
export const CLUSTERS_PATH = fileURLToPath(new URL('./models/clusters.tsv.gz', import.meta.url));

const MIN_COUNT = 3;
const MAX_WORDS = 40_000;
const CONTEXT_WORDS = 1000;
const DIM = 128;
/** Cluster counts from coarse to fine. */
const LEVELS = [16, 128, 768];

/** Loads the cached clusters, or builds (a few minutes) and caches them. */
export function loadOrBuildClusters(
  corpora: string,
  log: (message: string) => void = () => {},
): WordClusters {
  if (existsSync(CLUSTERS_PATH)) return readClusters(CLUSTERS_PATH);
  log(
    'building word clusters from bbc and reuters21578 (cached in scripts/tagger/models/clusters.tsv.gz)…',
  );
  const clusters = buildClusters(readUnlabeledText(corpora), log);
  const lines = [...clusters].map(([word, ids]) => `${word}\t${ids.join('\t')}`);
  writeFileSync(CLUSTERS_PATH, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  return clusters;
}

/** Reads a clusters file written by `loadOrBuildClusters`. */
export function readClusters(path: string): WordClusters {
  const clusters = new Map<string, number[]>();
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line) continue;
    const [word, ...ids] = line.split('\t');
    clusters.set(word as string, ids.map(Number));
  }
  return clusters;
}

/** Texts of the unannotated sets: BBC bodies (non-duplicates), Reuters NORM bodies, CoNLL train sentences. */
export function readUnlabeledText(corpora: string): string[] {
  const texts: string[] = [];
  for (const record of readJsonl<{ title: string; body: string; duplicate_of: string | null }>(
    join(corpora, 'bbc/bbc.jsonl'),
  )) {
    if (!record.duplicate_of) texts.push(record.title, record.body);
  }
  for (const record of readJsonl<{ title?: string; body?: string; text_type: string }>(
    join(corpora, 'reuters21578/reuters21578.jsonl'),
  )) {
    if (record.text_type === 'NORM' && record.body) texts.push(record.title ?? '', record.body);
  }
  for (const record of readJsonl<{ text: string }>(join(corpora, 'conll2003/train.jsonl')))
    texts.push(record.text);
  return texts;
}

/** Clusters the words of `texts` into nested levels; deterministic. */
export function buildClusters(
  texts: readonly string[],
  log: (message: string) => void = () => {},
): Map<string, number[]> {
  const sequences = texts.map((text) => tokenize(text).map((token) => token.text));
  const frequency = new Map<string, number>();
  for (const words of sequences)
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const ranked = [...frequency]
    .filter(([, n]) => n >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocabulary = ranked.slice(0, MAX_WORDS).map(([word]) => word);
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  log(
    `  ${sequences.reduce((n, s) => n + s.length, 0)} tokens, ${vocabulary.length} words to cluster`,
  );
  const vectors = projectContexts(sequences, index, vocabulary.length);
  let assignment = sphericalKMeans(vectors, vocabulary.length, DIM, LEVELS.at(-1) as number, 15, 7);
  const levels: Int32Array[] = [assignment];
  // Coarser levels cluster the fine centroids, so clusters nest like Brown prefixes.
  for (const k of LEVELS.slice(0, -1).reverse()) {
    const fine = LEVELS[LEVELS.indexOf(k) + 1] as number;
    const centroids = new Float32Array(fine * DIM);
    for (let w = 0; w < vocabulary.length; w++) {
      const c = (levels[0] as Int32Array)[w] as number;
      for (let d = 0; d < DIM; d++) centroids[c * DIM + d]! += vectors[w * DIM + d] as number;
    }
    normalizeRows(centroids, fine, DIM);
    const parent = sphericalKMeans(centroids, fine, DIM, k, 30, 11);
    assignment = Int32Array.from(levels[0] as Int32Array, (c) => parent[c] as number);
    levels.unshift(assignment);
  }
  log(`  clustered into ${LEVELS.join(' / ')}`);
  return new Map(vocabulary.map((word, w) => [word, levels.map((level) => level[w] as number)]));
}

/**
 * Each word's neighbour distribution (left and right, over the most frequent words),
 * Hellinger-weighted (√p) and projected with seeded ±1 random vectors (Achlioptas 2003).
 */
function projectContexts(
  sequences: readonly string[][],
  index: ReadonlyMap<string, number>,
  size: number,
): Float32Array {
  const counts: Array<Map<number, number>> = Array.from({ length: size }, () => new Map());
  for (const words of sequences) {
    for (let i = 0; i < words.length; i++) {
      const w = index.get(words[i] as string);
      if (w === undefined) continue;
      const context = counts[w] as Map<number, number>;
      for (const [d, side] of [
        [-1, 0],
        [1, 1],
      ] as const) {
        const c = index.get(words[i + d] ?? '');
        const slot = c !== undefined && c < CONTEXT_WORDS ? c : CONTEXT_WORDS;
        const key = slot * 2 + side;
        context.set(key, (context.get(key) ?? 0) + 1);
      }
    }
  }
  const signs = new Float32Array((CONTEXT_WORDS + 1) * 2 * DIM);
  for (let key = 0; key < (CONTEXT_WORDS + 1) * 2; key++) {
    for (let d = 0; d < DIM; d++) signs[key * DIM + d] = hashString(`${key}:${d}`) & 1 ? 1 : -1;
  }
  const vectors = new Float32Array(size * DIM);
  counts.forEach((context, w) => {
    let total = 0;
    for (const n of context.values()) total += n;
    for (const [key, n] of context) {
      const weight = Math.sqrt(n / total);
      for (let d = 0; d < DIM; d++)
        vectors[w * DIM + d]! += weight * (signs[key * DIM + d] as number);
    }
  });
  normalizeRows(vectors, size, DIM);
  return vectors;
}
