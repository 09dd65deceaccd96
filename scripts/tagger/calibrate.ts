/**
 * Fits the softmax temperature that turns perceptron scores into confidences, by
 * minimising the negative log-likelihood of the gold labels of held-out (dev) tokens
 * (temperature scaling: Guo et al. 2017). One parameter, so it cannot overfit dev.
 */
import { tagDocument, probabilityOf } from './decode.ts';
import { encodeBilou } from './labels.ts';
import type { LabeledDocument } from './corpus.ts';
import type { FeatureExtractor } from './features.ts';
import type { WeightTable } from './weights.ts';

const CANDIDATES = [0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 30];

/**
 * The temperature from CANDIDATES with the lowest dev NLL for one pass's `weights`;
 * `extra(document, index)` gives a second pass its aggregation features.
 */
export function fitTemperature(
  weights: WeightTable,
  extractor: FeatureExtractor,
  documents: readonly LabeledDocument[],
  extra?: (document: LabeledDocument) => Uint32Array[][],
): number {
  const loss = new Float64Array(CANDIDATES.length);
  for (const document of documents) {
    const gold = document.sentences.map((sentence) =>
      encodeBilou(sentence.spans, sentence.words.length),
    );
    tagDocument(
      document.sentences.map((sentence) => sentence.words),
      weights,
      extractor,
      undefined,
      {
        extra: extra?.(document),
        observe: (scores, s, i) => {
          const label = (gold[s] as Int8Array)[i] as number;
          CANDIDATES.forEach(
            (t, c) => (loss[c]! -= Math.log(Math.max(1e-12, probabilityOf(scores, label, t)))),
          );
        },
      },
    );
  }
  let best = 0;
  for (let c = 1; c < CANDIDATES.length; c++)
    if ((loss[c] as number) < (loss[best] as number)) best = c;
  return CANDIDATES[best] as number;
}
