/**
 * The trained tagger as one object, and its file format: gzip of a small header
 * (JSON: clusters, gazetteer, quantisation scale) followed by the feature keys
 * (Uint32) and their weight rows quantised to Int16. Quantising averaged perceptron
 * weights to 16 bits costs nothing measurable and halves the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Token } from '../pipeline/types.ts';
import { tagDocument } from './decode.ts';
import { FeatureExtractor, type Resources } from './features.ts';
import {
  ENTITY_CLASSES,
  LABEL_COUNT,
  LABEL_NAMES,
  decodeBilou,
  type EntityClass,
} from './labels.ts';
import { WeightTable } from './weights.ts';

const MAGIC = 'DNER1';

/** A typed token-level mention with offsets taken from the tokens. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: EntityClass;
  /** Mean per-token probability of the chosen labels, in [0, 1]. */
  score: number;
  /** Index range of the tokens, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
}

/** A trained tagger: weights plus the resources its features read. */
export class NerModel {
  readonly weights: WeightTable;
  readonly resources: Resources;
  readonly extractor: FeatureExtractor;
  /** Softmax temperature for confidences, fitted on dev by `fitTemperature`. */
  temperature: number;

  constructor(weights: WeightTable, resources: Resources, temperature = 1) {
    this.weights = weights;
    this.resources = resources;
    this.extractor = new FeatureExtractor(resources);
    this.temperature = temperature;
  }

  /** Tags the sentences of one document (in order; history carries across them). */
  tagSentences(sentences: readonly (readonly Token[])[]): TaggedSpan[][] {
    const tagged = tagDocument(
      sentences.map((tokens) => tokens.map((token) => token.text)),
      this.weights,
      this.extractor,
      undefined,
      { temperature: this.temperature },
    );
    return sentences.map((tokens, s) => {
      const confidence = tagged.confidence[s] as Float32Array;
      return decodeBilou(tagged.labels[s] as Int8Array).map((span) => {
        let sum = 0;
        for (let i = span.start; i < span.end; i++) sum += confidence[i] as number;
        return {
          start: (tokens[span.start] as Token).start,
          end: (tokens[span.end - 1] as Token).end,
          type: span.type,
          score: sum / (span.end - span.start),
          tokenStart: span.start,
          tokenEnd: span.end,
        };
      });
    });
  }
}

/** Writes a model file (gzip), returning its size in bytes. */
export function saveModel(model: NerModel, path: string): number {
  const rows: Array<[number, number]> = [...model.weights.entries()].sort((a, b) => a[0] - b[0]);
  let largest = 0;
  for (const value of model.weights.weights.subarray(0, model.weights.size * LABEL_COUNT))
    largest = Math.max(largest, Math.abs(value));
  const scale = largest / 32767 || 1;
  const keys = new Uint32Array(rows.length);
  const weights = new Int16Array(rows.length * LABEL_COUNT);
  rows.forEach(([key, row], index) => {
    keys[index] = key;
    for (let l = 0; l < LABEL_COUNT; l++)
      weights[index * LABEL_COUNT + l] = Math.round(
        (model.weights.weights[row * LABEL_COUNT + l] as number) / scale,
      );
  });
  const clusterWords = [...model.resources.clusters.keys()];
  const header = JSON.stringify({
    labels: LABEL_NAMES,
    rows: rows.length,
    scale,
    temperature: model.temperature,
    clusterWords: clusterWords.join('\n'),
    clusterIds: clusterWords.map((word) => model.resources.clusters.get(word)),
    gazetteer: [...model.resources.gazetteer.entries()].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
    ),
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC),
    length,
    headerBytes,
    Buffer.from(keys.buffer),
    Buffer.from(weights.buffer),
  ]);
  const file = gzipSync(body, { level: 9 });
  writeFileSync(path, file);
  return file.length;
}

/** Reads a model file written by `saveModel`. */
export function loadModel(path: string | URL): NerModel {
  const body = gunzipSync(readFileSync(path));
  if (body.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw new Error(`${String(path)} is not a Dossier NER model`);
  const headerLength = body.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(body.subarray(offset, offset + headerLength).toString('utf8')) as {
    labels: string[];
    rows: number;
    scale: number;
    temperature: number;
    clusterWords: string;
    clusterIds: number[][];
    gazetteer: Array<[string, number]>;
  };
  offset += headerLength;
  if (header.labels.join() !== LABEL_NAMES.join())
    throw new Error(`model labels ${header.labels.join()} differ from ${ENTITY_CLASSES.join()}`);
  const copy = (bytes: number): ArrayBuffer =>
    body.buffer.slice(body.byteOffset + offset, body.byteOffset + (offset += bytes)) as ArrayBuffer;
  const keys = new Uint32Array(copy(header.rows * 4));
  const quantised = new Int16Array(copy(header.rows * LABEL_COUNT * 2));
  const table = new WeightTable(header.rows + 1);
  for (let index = 0; index < header.rows; index++) {
    const base = table.ensure(keys[index] as number) * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++)
      table.weights[base + l] = (quantised[index * LABEL_COUNT + l] as number) * header.scale;
  }
  const words = header.clusterWords ? header.clusterWords.split('\n') : [];
  const clusters = new Map(
    words.map((word, index) => [word, header.clusterIds[index] as number[]]),
  );
  return new NerModel(
    table,
    { clusters, gazetteer: new Map(header.gazetteer) },
    header.temperature,
  );
}
