/**
 * The trained tagger as one object, and its file format: gzip of a small header
 * (JSON: clusters, gazetteer, quantisation scale) followed by the feature keys
 * (Uint32) and their weight rows quantised to Int16. Quantising averaged perceptron
 * weights to 16 bits costs nothing measurable and halves the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Token } from '../core/types.ts';
import { aggregateFeatures } from './aggregate.ts';
import { DEFAULT_BEAM, tagDocument, type TaggedDocument } from './decode.ts';
import { FeatureExtractor, type Resources } from './features.ts';
import {
  ENTITY_CLASSES,
  LABEL_COUNT,
  LABEL_NAMES,
  decodeBilou,
  type EntityClass,
} from './labels.ts';
import { BeamScorer } from './scorer.ts';
import { JointTable, WeightTable } from './weights.ts';
import { MAX_FEATURES } from './features.ts';
import { LEARNT_LISTS } from './gazetteer.ts';
import { addUserNames, addWorldNames } from './world-names.ts';

const MAGIC = 'DNER2';

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

/**
 * A trained tagger: the first pass's weights, optionally a second pass's weights (which
 * also read the first pass's labels across the document, see aggregate.ts), and the
 * resources their features read.
 */
export class NerModel {
  readonly weights: WeightTable;
  readonly resources: Resources;
  readonly extractor: FeatureExtractor;
  /** Softmax temperature of the first pass, fitted on dev by `fitTemperature`. */
  temperature: number;
  /** The second pass, when trained. */
  second: { weights: WeightTable; temperature: number } | undefined;
  /** Beam width for tagging (1: greedy). */
  beam = DEFAULT_BEAM;
  /** Which EWN outlets it was trained on, so `kb eval` knows which scores are held out. */
  ewn: 'all' | 'none' | 0 | 1 = 'none';

  constructor(weights: WeightTable, resources: Resources, temperature = 1) {
    this.weights = weights;
    this.resources = resources;
    this.extractor = new FeatureExtractor(resources);
    this.temperature = temperature;
  }

  private joint: { first: WeightTable; second: WeightTable; table: JointTable } | undefined;

  /** The first pass's labels for a document's sentences of words. */
  firstPass(
    sentences: readonly (readonly string[])[],
    context?: readonly Float64Array[],
  ): TaggedDocument {
    return tagDocument(sentences, this.weights, this.extractor, undefined, {
      temperature: this.temperature,
      beam: this.beam,
      context,
      scorer: context ? undefined : this.beamScorer(),
    });
  }

  private scorer: { weights: WeightTable; scorer: BeamScorer | undefined } | undefined;

  /** The first pass's fast beam scorer, when its sums are exact (scorer.ts). */
  private beamScorer(): BeamScorer | undefined {
    if (this.beam <= 1) return undefined;
    if (this.scorer?.weights !== this.weights)
      this.scorer = { weights: this.weights, scorer: BeamScorer.of(this.weights, this.resources) };
    return this.scorer.scorer;
  }

  /** Labels (and confidences) of a document's sentences of words, after both passes. */
  tagWords(sentences: readonly (readonly string[])[]): TaggedDocument {
    if (!this.second) return this.firstPass(sentences);
    const [first, second] = this.beam > 1 ? this.contextScores(sentences) : [];
    const labels = this.firstPass(sentences, first).labels;
    return tagDocument(sentences, this.second.weights, this.extractor, undefined, {
      temperature: this.second.temperature,
      beam: this.beam,
      extra: aggregateFeatures(sentences, labels),
      context: second,
    });
  }

  /**
   * Both passes' scores of every token's sentence-only features, read with one lookup
   * per feature in a table joining the two passes' rows (most features are shared).
   */
  private contextScores(
    sentences: readonly (readonly string[])[],
  ): [Float64Array[], Float64Array[]] {
    const second = this.second as { weights: WeightTable };
    if (this.joint?.first !== this.weights || this.joint.second !== second.weights)
      this.joint = {
        first: this.weights,
        second: second.weights,
        table: new JointTable([this.weights, second.weights]),
      };
    const table = this.joint.table;
    const features = new Uint32Array(MAX_FEATURES + 32);
    const both = new Float64Array(2 * LABEL_COUNT);
    const first: Float64Array[] = [];
    const next: Float64Array[] = [];
    for (const words of sentences) {
      const prepared = this.extractor.prepare(words);
      const a = new Float64Array(words.length * LABEL_COUNT);
      const b = new Float64Array(words.length * LABEL_COUNT);
      for (let i = 0; i < words.length; i++) {
        table.score(features, this.extractor.extractContext(prepared, i, features), both);
        a.set(both.subarray(0, LABEL_COUNT), i * LABEL_COUNT);
        b.set(both.subarray(LABEL_COUNT), i * LABEL_COUNT);
      }
      first.push(a);
      next.push(b);
    }
    return [first, next];
  }

  /** Tags the sentences of one document (in order; history carries across them). */
  tagSentences(sentences: readonly (readonly Token[])[]): TaggedSpan[][] {
    const tagged = this.tagWords(sentences.map((tokens) => tokens.map((token) => token.text)));
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

/** A weight table as sorted keys and Int16 rows with one scale. */
function quantise(table: WeightTable): { keys: Uint32Array; weights: Int16Array; scale: number } {
  const rows: Array<[number, number]> = [...table.entries()].sort((a, b) => a[0] - b[0]);
  let largest = 0;
  for (const value of table.weights.subarray(0, table.size * LABEL_COUNT))
    largest = Math.max(largest, Math.abs(value));
  const scale = largest / 32767 || 1;
  const keys = new Uint32Array(rows.length);
  const weights = new Int16Array(rows.length * LABEL_COUNT);
  rows.forEach(([key, row], index) => {
    keys[index] = key;
    for (let l = 0; l < LABEL_COUNT; l++)
      weights[index * LABEL_COUNT + l] = Math.round(
        (table.weights[row * LABEL_COUNT + l] as number) / scale,
      );
  });
  return { keys, weights, scale };
}

/** Writes a model file (gzip), returning its size in bytes. */
export function saveModel(model: NerModel, path: string): number {
  const tables = [model.weights, ...(model.second ? [model.second.weights] : [])].map(quantise);
  const clusterWords = [...model.resources.clusters.keys()];
  const header = JSON.stringify({
    labels: LABEL_NAMES,
    tables: tables.map((table) => ({ rows: table.keys.length, scale: table.scale })),
    temperatures: [model.temperature, ...(model.second ? [model.second.temperature] : [])],
    ewn: model.ewn,
    clusterWords: clusterWords.join('\n'),
    clusterIds: clusterWords.map((word) => model.resources.clusters.get(word)),
    // Only the lists learnt from annotated names: the world's lists are files of their own.
    gazetteer: [...model.resources.gazetteer.entries()]
      .map(([key, bits]) => [key, bits & LEARNT_LISTS] as [string, number])
      .filter(([, bits]) => bits !== 0)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC),
    length,
    headerBytes,
    ...tables.flatMap((table) => [
      Buffer.from(table.keys.buffer),
      Buffer.from(table.weights.buffer),
    ]),
  ]);
  const file = gzipSync(body, { level: 9 });
  writeFileSync(path, file);
  return file.length;
}

/** Reads a model file written by `saveModel`. */
export function loadModel(path: string | URL): NerModel {
  const body = gunzipSync(readFileSync(path));
  if (body.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw new Error(`${String(path)} is not a Dossier NER model (${MAGIC}); retrain with kb train`);
  const headerLength = body.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(body.subarray(offset, offset + headerLength).toString('utf8')) as {
    labels: string[];
    tables: Array<{ rows: number; scale: number }>;
    temperatures: number[];
    clusterWords: string;
    clusterIds: number[][];
    gazetteer: Array<[string, number]>;
    ewn?: NerModel['ewn'];
  };
  offset += headerLength;
  if (header.labels.join() !== LABEL_NAMES.join())
    throw new Error(`model labels ${header.labels.join()} differ from ${ENTITY_CLASSES.join()}`);
  const copy = (bytes: number): ArrayBuffer =>
    body.buffer.slice(body.byteOffset + offset, body.byteOffset + (offset += bytes)) as ArrayBuffer;
  const tables = header.tables.map(({ rows, scale }) => {
    const keys = new Uint32Array(copy(rows * 4));
    const quantised = new Int16Array(copy(rows * LABEL_COUNT * 2));
    const table = new WeightTable(rows + 1);
    for (let index = 0; index < rows; index++) {
      const base = table.ensure(keys[index] as number) * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++)
        table.weights[base + l] = (quantised[index * LABEL_COUNT + l] as number) * scale;
    }
    return table;
  });
  const words = header.clusterWords ? header.clusterWords.split('\n') : [];
  const clusters = new Map(
    words.map((word, index) => [word, header.clusterIds[index] as number[]]),
  );
  const model = new NerModel(
    tables[0] as WeightTable,
    { clusters, gazetteer: addUserNames(addWorldNames(new Map(header.gazetteer))) },
    header.temperatures[0],
  );
  model.ewn = header.ewn ?? 'none';
  if (tables[1]) model.second = { weights: tables[1], temperature: header.temperatures[1] ?? 1 };
  return model;
}
