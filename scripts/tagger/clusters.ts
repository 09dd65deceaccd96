/**
 * Word clusters learned without labels from the unannotated news sets (BBC, Reuters-
 * 21578 NORM bodies, and the 95,000 articles of 2010–2020 under `world/corpus/`) plus
 * CoNLL train text. Ratinov & Roth (2009, §5) used Brown
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
const MAX_WORDS = 80_000;
const CONTEXT_WORDS = 1000;
const DIM = 128;
/** Cluster counts from coarse to fine. */
const LEVELS = [16, 128, 768];

/** Loads the cached clusters, or builds (a few minutes) and caches them. */
export function loadOrBuildClusters(
  corpora: string,
  log: (message: string) => void = () => {},
  world = join(corpora, '../world'),
): WordClusters {
  if (existsSync(CLUSTERS_PATH)) return readClusters(CLUSTERS_PATH);
  log(
    'building word clusters from bbc, reuters21578 and the world corpus (cached in scripts/tagger/models/clusters.tsv.gz)…',
  );
  const clusters = buildClusters(unlabeledTexts(corpora, world), log);
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

/** The unannotated news of 2010–2020 under `world/corpus/` (Reuters and AllSides). */
const WORLD_CORPUS = ['news-reuters-2010-2013.jsonl.gz', 'news-allsides-2012-2020.jsonl.gz'];

/**
 * Texts of the unannotated sets: BBC bodies (non-duplicates), Reuters-21578 NORM bodies,
 * CoNLL train sentences, and the world corpus's articles (read one file at a time).
 */
export function* unlabeledTexts(corpora: string, world?: string): Generator<string> {
  for (const record of readJsonl<{ title: string; body: string; duplicate_of: string | null }>(
    join(corpora, 'bbc/bbc.jsonl'),
  )) {
    if (!record.duplicate_of) yield* [record.title, record.body];
  }
  for (const record of readJsonl<{ title?: string; body?: string; text_type: string }>(
    join(corpora, 'reuters21578/reuters21578.jsonl'),
  )) {
    if (record.text_type === 'NORM' && record.body) yield* [record.title ?? '', record.body];
  }
  for (const record of readJsonl<{ text: string }>(join(corpora, 'conll2003/train.jsonl')))
    yield record.text;
  for (const file of WORLD_CORPUS) {
    const path = world ? join(world, 'corpus', file) : '';
    if (!path || !existsSync(path)) continue;
    const body = gunzipSync(readFileSync(path));
    for (let at = 0; at < body.length;) {
      const end = body.indexOf(10, at);
      const line = body.toString('utf8', at, end < 0 ? body.length : end);
      at = end < 0 ? body.length : end + 1;
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { title?: string; text?: string };
      yield* [record.title ?? '', record.text ?? ''];
    }
  }
}

/** Clusters the words of `texts` into nested levels; deterministic. */
export function buildClusters(
  texts: Iterable<string>,
  log: (message: string) => void = () => {},
): Map<string, number[]> {
  // One pass: every token becomes an id into a growing dictionary, kept in a flat array
  // (sentence breaks as -1), so the tens of millions of words are tokenized once.
  const ids = new Map<string, number>();
  const names: string[] = [];
  let frequency = new Int32Array(1 << 16);
  let stream = new Int32Array(1 << 20);
  let length = 0;
  let documents = 0;
  const append = (id: number): void => {
    if (length === stream.length) {
      const grown = new Int32Array(stream.length * 2);
      grown.set(stream);
      stream = grown;
    }
    stream[length++] = id;
  };
  for (const text of texts) {
    for (const token of tokenize(text)) {
      let id = ids.get(token.text);
      if (id === undefined) {
        id = names.length;
        ids.set(token.text, id);
        names.push(token.text);
        if (id === frequency.length) {
          const grown = new Int32Array(frequency.length * 2);
          grown.set(frequency);
          frequency = grown;
        }
      }
      frequency[id]!++;
      append(id);
    }
    append(-1);
    if (++documents % 20_000 === 0) log(`  read ${documents} texts, ${length} tokens`);
  }
  const ranked = names
    .map((word, id) => [word, frequency[id] as number] as const)
    .filter(([, n]) => n >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocabulary = ranked.slice(0, MAX_WORDS).map(([word]) => word);
  const rank = new Int32Array(names.length).fill(-1);
  vocabulary.forEach((word, i) => (rank[ids.get(word) as number] = i));
  for (let i = 0; i < length; i++) {
    const id = stream[i] as number;
    stream[i] = id < 0 ? -2 : (rank[id] as number);
  }
  log(`  ${length - documents} tokens, ${vocabulary.length} words to cluster`);
  const vectors = projectContexts(stream.subarray(0, length), vocabulary.length);
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
function projectContexts(stream: Int32Array, size: number): Float32Array {
  // stream: vocabulary ranks, -1 for a word outside the vocabulary, -2 between texts.
  const counts: Array<Map<number, number>> = Array.from({ length: size }, () => new Map());
  for (let i = 0; i < stream.length; i++) {
    const w = stream[i] as number;
    if (w < 0) continue;
    const context = counts[w] as Map<number, number>;
    for (const [d, side] of [
      [-1, 0],
      [1, 1],
    ] as const) {
      const c = i + d >= 0 && i + d < stream.length ? (stream[i + d] as number) : -2;
      const slot = c >= 0 && c < CONTEXT_WORDS ? c : CONTEXT_WORDS;
      const key = slot * 2 + side;
      context.set(key, (context.get(key) ?? 0) + 1);
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
