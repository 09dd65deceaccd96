/**
 * Training: averaged perceptron over CoNLL-2003 train, greedy decoding with predicted
 * history, documents shuffled with a fixed seed (so two runs give identical weights),
 * the averaged weights scored on dev after every epoch and the best epoch kept.
 */
import { join } from 'node:path';
import { AveragedPerceptron } from './perceptron.ts';
import { tagDocument } from './decode.ts';
import { FeatureExtractor, type Resources, type WordClusters } from './features.ts';
import { encodeBilou } from './labels.ts';
import { seededRandom, shuffleInPlace } from './hash.ts';
import { NerModel } from './model.ts';
import { evaluateDocuments, type SpanScores } from './eval-conll.ts';
import { readConllDocuments, readOffsetDocuments, type LabeledDocument } from './corpus.ts';
import { buildGazetteers } from './gazetteer-build.ts';
import { readExtraDocuments } from './corpus-extra.ts';
import { readEwnDocuments } from './corpus-ewn.ts';
import { fitTemperature } from './calibrate.ts';
import { aggregateFeatures } from './aggregate.ts';
import type { WeightTable } from './weights.ts';

/** What to train on and how. */
export interface TrainOptions {
  /** The `shared/corpora` folder. */
  corpora: string;
  epochs: number;
  seed?: number;
  /** Word clusters (from `buildClusters`); empty map to train without. */
  clusters: WordClusters;
  /** Use gazetteer features. */
  gazetteers?: boolean;
  /** Training documents; default: CoNLL-2003 train plus `extra`. */
  documents?: LabeledDocument[];
  /** Other corpora's train files added to CoNLL train (paths under `corpora`). */
  extra?: readonly string[];
  /** EWN articles added to training: all outlets, one outlet fold, or none (default all). */
  ewn?: 'all' | 'none' | 0 | 1;
  /** Score on CoNLL dev after each epoch (default true). */
  evaluate?: boolean;
  /** Drop averaged weight rows whose largest |weight| is at most this. */
  prune?: number;
  /** Also train the second, aggregating pass (default false; see aggregate.ts). */
  secondPass?: boolean;
  log?: (message: string) => void;
}

/** The trained model and the dev score of each epoch. */
export interface TrainResult {
  model: NerModel;
  epochScores: SpanScores[];
  bestEpoch: number;
}

/**
 * Extra training data in the CoNLL style (with MISC). Adding BTC and WNUT-17 (tweets,
 * no MISC) cost 0.9 dev F1; these two are neutral on dev and add post-1996 names.
 */
export const EXTRA_CORPORA = ['wikigold/all.jsonl', 'crossner/train.jsonl'];

/** Number of folds for jackknifed gazetteers and first-pass labels. */
const FOLDS = 5;

/** Temperature of the beam's log-probabilities while epochs are compared (fitted after). */
const SELECTION_TEMPERATURE = 8;

/** Trains a tagger; deterministic for fixed options. */
export function trainModel(options: TrainOptions): TrainResult {
  const log = options.log ?? (() => {});
  const conll = join(options.corpora, 'conll2003');
  const documents = options.documents ?? [
    ...readConllDocuments(join(conll, 'train.txt')),
    ...readExtraDocuments(options.corpora, options.extra ?? EXTRA_CORPORA),
    ...(options.ewn === 'none'
      ? []
      : readEwnDocuments(options.corpora, options.ewn === 'all' ? undefined : options.ewn)),
  ];
  const gold = documents.map((document) =>
    document.sentences.map((sentence) => encodeBilou(sentence.spans, sentence.words.length)),
  );
  const words = documents.map((document) => document.sentences.map((sentence) => sentence.words));
  const gazetteers = buildGazetteers(options.corpora, documents, options.gazetteers ? FOLDS : 0);
  // Each training document sees a gazetteer built without its own fold, so the model
  // does not learn to trust a list that happens to contain every training name.
  const extractors = gazetteers.folds.map(
    (gazetteer) => new FeatureExtractor({ clusters: options.clusters, gazetteer }),
  );
  const extractorOf = (index: number): FeatureExtractor =>
    extractors[index % extractors.length] as FeatureExtractor;
  const resources: Resources = { clusters: options.clusters, gazetteer: gazetteers.full };
  const evaluate = options.evaluate !== false;
  const dev = evaluate ? readOffsetDocuments(conll, 'valid') : [];
  const devTokens = evaluate ? readConllDocuments(join(conll, 'valid.txt')) : [];
  const all = documents.map((_, index) => index);
  const passOptions = { words, gold, extractorOf, seed: options.seed ?? 1, log };

  log('first pass');
  const first = trainPass({
    ...passOptions,
    train: all,
    epochs: options.epochs,
    prune: options.prune,
    score: evaluate
      ? (weights) => evaluateDocuments(dev, new NerModel(weights, resources, SELECTION_TEMPERATURE))
      : undefined,
  });
  const model = new NerModel(first.weights, resources, SELECTION_TEMPERATURE);
  model.ewn = options.documents ? 'none' : (options.ewn ?? 'all');
  if (evaluate) {
    model.temperature = fitTemperature(model.weights, model.extractor, devTokens);
    log(`first pass: confidence temperature ${model.temperature} (fitted on dev)`);
  }
  let result = first;
  if (options.secondPass === true) {
    // First-pass labels of each training document from a model that never saw it
    // (jackknifing), so the second pass learns how far to trust them on new text.
    const extra: Uint32Array[][][] = new Array(documents.length);
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = all.filter((index) => index % FOLDS === fold);
      const weights = trainPass({
        ...passOptions,
        train: all.filter((index) => index % FOLDS !== fold),
        epochs: first.bestEpoch,
      }).weights;
      for (const index of held) {
        const labels = tagDocument(
          words[index] as string[][],
          weights,
          extractorOf(index),
          undefined,
          {
            temperature: model.temperature,
            beam: model.beam,
          },
        ).labels;
        extra[index] = aggregateFeatures(words[index] as string[][], labels);
      }
      log(`  jackknife fold ${fold + 1}/${FOLDS}: first-pass labels for ${held.length} documents`);
    }
    log('second pass');
    const temperature = model.temperature;
    const second = trainPass({
      ...passOptions,
      train: all,
      epochs: options.epochs,
      prune: options.prune,
      extra,
      score: evaluate
        ? (weights) => {
            model.second = { weights, temperature };
            return evaluateDocuments(dev, model);
          }
        : undefined,
    });
    model.second = { weights: second.weights, temperature };
    if (evaluate) {
      const devSentences = devTokens.map((d) => d.sentences.map((sentence) => sentence.words));
      const devExtra = new Map(
        devTokens.map((d, i) => [
          d,
          aggregateFeatures(
            devSentences[i] as string[][],
            model.firstPass(devSentences[i] as string[][]).labels,
          ),
        ]),
      );
      model.second.temperature = fitTemperature(
        second.weights,
        model.extractor,
        devTokens,
        (d) => devExtra.get(d) as Uint32Array[][],
      );
      log(`second pass: confidence temperature ${model.second.temperature} (fitted on dev)`);
    }
    result = second;
  }
  return { model, epochScores: result.epochScores, bestEpoch: result.bestEpoch };
}

interface PassOptions {
  words: readonly string[][][];
  gold: readonly Int8Array[][];
  extractorOf: (index: number) => FeatureExtractor;
  /** Indices of the documents to train on. */
  train: readonly number[];
  epochs: number;
  seed: number;
  prune?: number;
  /** Aggregation features per document (second pass). */
  extra?: readonly Uint32Array[][][];
  /** Dev scores of averaged weights; without it the last epoch is kept. */
  score?: (weights: WeightTable) => SpanScores;
  log: (message: string) => void;
}

/** Trains one pass for `epochs`, keeping the epoch with the best dev score. */
function trainPass(options: PassOptions): {
  weights: WeightTable;
  bestEpoch: number;
  epochScores: SpanScores[];
} {
  const learner = new AveragedPerceptron();
  const order = [...options.train];
  const random = seededRandom(options.seed);
  const epochScores: SpanScores[] = [];
  let best: WeightTable | undefined;
  let bestEpoch = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = Date.now();
    shuffleInPlace(order, random);
    for (const index of order) {
      tagDocument(
        options.words[index] as string[][],
        learner,
        options.extractorOf(index),
        { learner, gold: options.gold[index] as Int8Array[] },
        { extra: options.extra?.[index] },
      );
    }
    if (!options.score) {
      if (epoch === options.epochs) {
        best = learner.averaged(options.prune ?? 0);
        bestEpoch = epoch;
      }
      continue;
    }
    const weights = learner.averaged(options.prune ?? 0);
    const scores = options.score(weights);
    epochScores.push(scores);
    const isBest = !best || scores.micro.f1 > (epochScores[bestEpoch - 1]?.micro.f1 ?? 0);
    if (isBest) {
      best = weights;
      bestEpoch = epoch;
    }
    const types = ['PER', 'ORG', 'LOC', 'MISC']
      .map((type) => `${type} ${(100 * (scores[type]?.f1 ?? 0)).toFixed(2)}`)
      .join('  ');
    options.log(
      `  epoch ${epoch}: dev F1 ${(100 * scores.micro.f1).toFixed(2)}  (${types})  ${weights.size} rows  ${((Date.now() - started) / 1000).toFixed(1)}s${isBest ? '  *' : ''}`,
    );
  }
  return { weights: best as WeightTable, bestEpoch, epochScores };
}
