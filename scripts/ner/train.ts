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
import { fitTemperature } from './calibrate.ts';

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
  /** Score on CoNLL dev after each epoch (default true). */
  evaluate?: boolean;
  /** Drop averaged weight rows whose largest |weight| is at most this. */
  prune?: number;
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

/** Number of folds for jackknifed gazetteers. */
const FOLDS = 5;

/** Trains a tagger; deterministic for fixed options. */
export function trainModel(options: TrainOptions): TrainResult {
  const log = options.log ?? (() => {});
  const conll = join(options.corpora, 'conll2003');
  const documents = options.documents ?? [
    ...readConllDocuments(join(conll, 'train.txt')),
    ...readExtraDocuments(options.corpora, options.extra ?? EXTRA_CORPORA),
  ];
  const gold = documents.map((document) =>
    document.sentences.map((sentence) => encodeBilou(sentence.spans, sentence.words.length)),
  );
  const gazetteers = buildGazetteers(options.corpora, documents, options.gazetteers ? FOLDS : 0);
  // Each training document sees a gazetteer built without its own fold, so the model
  // does not learn to trust a list that happens to contain every training name.
  const extractors = gazetteers.folds.map(
    (gazetteer) => new FeatureExtractor({ clusters: options.clusters, gazetteer }),
  );
  const resources: Resources = { clusters: options.clusters, gazetteer: gazetteers.full };
  const dev = options.evaluate === false ? [] : readOffsetDocuments(conll, 'valid');
  const learner = new AveragedPerceptron();
  const order = documents.map((_, index) => index);
  const random = seededRandom(options.seed ?? 1);
  const epochScores: SpanScores[] = [];
  let best: NerModel | undefined;
  let bestEpoch = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = Date.now();
    shuffleInPlace(order, random);
    for (const index of order) {
      const document = documents[index] as LabeledDocument;
      const extractor = extractors[index % extractors.length] as FeatureExtractor;
      tagDocument(
        document.sentences.map((sentence) => sentence.words),
        learner,
        extractor,
        { learner, gold: gold[index] as Int8Array[] },
      );
    }
    const model = new NerModel(learner.averaged(options.prune ?? 0), resources);
    if (dev.length === 0) {
      best = model;
      bestEpoch = epoch;
      log(
        `epoch ${epoch}: ${learner.size} features, ${((Date.now() - started) / 1000).toFixed(1)}s`,
      );
      continue;
    }
    const scores = evaluateDocuments(dev, model);
    epochScores.push(scores);
    const isBest = !best || scores.micro.f1 > (epochScores[bestEpoch - 1]?.micro.f1 ?? 0);
    if (isBest) {
      best = model;
      bestEpoch = epoch;
    }
    const types = ['PER', 'ORG', 'LOC', 'MISC']
      .map((type) => `${type} ${(100 * (scores[type]?.f1 ?? 0)).toFixed(2)}`)
      .join('  ');
    log(
      `epoch ${epoch}: dev F1 ${(100 * scores.micro.f1).toFixed(2)}  (${types})  ${model.weights.size} rows  ${((Date.now() - started) / 1000).toFixed(1)}s${isBest ? '  *' : ''}`,
    );
  }
  const model = best as NerModel;
  if (options.evaluate !== false) {
    model.temperature = fitTemperature(model, readConllDocuments(join(conll, 'valid.txt')));
    log(`confidence temperature ${model.temperature} (fitted on dev)`);
  }
  return { model, epochScores, bestEpoch };
}
