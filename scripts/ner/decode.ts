/**
 * Greedy left-to-right decoding over a whole document (Ratinov & Roth 2009, §3: greedy
 * decoding is as accurate as Viterbi for NER with these features and far faster).
 * The same loop trains the model: with a learner and gold labels it updates on each
 * mistake, so training sees its own predicted history exactly as tagging will.
 */
import { ENTITY_CLASSES, LABEL_COUNT, canEnd, classOf, isAllowed } from './labels.ts';
import { MAX_FEATURES, type FeatureExtractor } from './features.ts';
import { isCapitalized } from './shape.ts';
import type { AveragedPerceptron } from './perceptron.ts';
import type { WeightTable } from './weights.ts';

/** Labels and per-token confidence (probability of the chosen label) per sentence. */
export interface TaggedDocument {
  labels: Int8Array[];
  confidence: Float32Array[];
}

/** What training passes to learn while decoding. */
export interface Supervision {
  learner: AveragedPerceptron;
  gold: readonly Int8Array[];
}

/** Decoding options: softmax temperature for confidences, and a hook that sees every score vector. */
export interface DecodeOptions {
  temperature?: number;
  observe?: (scores: Float64Array, sentence: number, token: number) => void;
}

const O_SLOT = ENTITY_CLASSES.length;

/** Tags every sentence of a document (sentences of words), in order. */
export function tagDocument(
  sentences: readonly (readonly string[])[],
  weights: WeightTable,
  extractor: FeatureExtractor,
  supervision?: Supervision,
  options: DecodeOptions = {},
): TaggedDocument {
  const temperature = options.temperature ?? 1;
  const features = new Uint32Array(MAX_FEATURES + 32);
  const scores = new Float64Array(LABEL_COUNT);
  const history = new Map<string, Int32Array>();
  const result: TaggedDocument = { labels: [], confidence: [] };
  sentences.forEach((words, s) => {
    const prepared = extractor.prepare(words);
    const labels = new Int8Array(words.length);
    const confidence = new Float32Array(words.length);
    const gold = supervision?.gold[s];
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const key = isCapitalized(word) ? word.toLowerCase() : '';
      const prev1 = i > 0 ? (labels[i - 1] as number) : -1;
      const prev2 = i > 1 ? (labels[i - 2] as number) : -1;
      const count = extractor.extract(
        prepared,
        i,
        prev1,
        prev2,
        key ? history.get(key) : undefined,
        features,
      );
      weights.score(features, count, scores);
      options.observe?.(scores, s, i);
      const last = i === words.length - 1;
      // Training picks the unconstrained best so that every mistake is a learning signal.
      const label = bestLabel(scores, supervision ? -2 : prev1, last && !supervision);
      if (supervision && gold)
        supervision.learner.update(features, count, gold[i] as number, label);
      labels[i] = label;
      confidence[i] = probabilityOf(scores, label, temperature);
      if (key) {
        const counts = history.get(key) ?? new Int32Array(O_SLOT + 1);
        const type = classOf(label);
        counts[type < 0 ? O_SLOT : type]! += 1;
        history.set(key, counts);
      }
    }
    result.labels.push(labels);
    result.confidence.push(confidence);
  });
  return result;
}

/** The highest-scoring label allowed after `previous` (-2: no constraint). */
function bestLabel(scores: Float64Array, previous: number, last: boolean): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let l = 0; l < LABEL_COUNT; l++) {
    if (previous !== -2 && !isAllowed(previous, l)) continue;
    if (last && !canEnd(l)) continue;
    const score = scores[l] as number;
    if (score > bestScore) {
      best = l;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Softmax probability of `label` at `temperature`. Perceptron scores have no
 * probabilistic scale, so training fits the temperature on dev (see calibrate.ts).
 */
export function probabilityOf(scores: Float64Array, label: number, temperature: number): number {
  const top = scores[label] as number;
  let sum = 0;
  for (let l = 0; l < LABEL_COUNT; l++) {
    sum += Math.exp(Math.max(-30, ((scores[l] as number) - top) / temperature));
  }
  return 1 / sum;
}
