import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagDocument } from '../../scripts/tagger/decode.ts';
import { defaultModel } from '../../scripts/tagger/default-model.ts';
import { FeatureExtractor, MAX_FEATURES, TEMPLATES } from '../../scripts/tagger/features.ts';
import { combine } from '../../scripts/tagger/hash.ts';
import { LABEL_COUNT } from '../../scripts/tagger/labels.ts';
import { BeamScorer, sumsAreExact } from '../../scripts/tagger/scorer.ts';
import { WeightTable } from '../../scripts/tagger/weights.ts';
import { splitSentences } from '../../scripts/segment/sentences.ts';
import { tokenize } from '../../scripts/segment/tokenize.ts';

/** The seed articles as sentences of words, plus edge cases: all capitals, one word, a long gazetteer run. */
function sentences(): string[][] {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'articles');
  const text = readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8').split(/^---$/m)[2] ?? '')
    .join('\n\n');
  const words = splitSentences(text).map(({ start, end }) =>
    tokenize(text.slice(start, end)).map((token) => token.text),
  );
  const london = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'London' : 'New York'))
    .join(' ')
    .split(' ');
  return [...words, ['BRUSSELS', 'EU', 'TALKS'], ['Cloudflare'], london, []];
}

describe('beam scorer', () => {
  const model = defaultModel();
  const scorer = BeamScorer.of(model.weights, model.resources)!;
  const extractor = model.extractor;

  it('applies to the committed model, whose quantised weights sum exactly', () => {
    expect(scorer).toBeDefined();
    expect(sumsAreExact(Float32Array.of(1.5, -0.25, 3))).toBe(true);
    expect(sumsAreExact(Float32Array.of(1e-30, 1e10))).toBe(false);
  });

  it("sums each token's context features to the same bits as scoring them one by one", () => {
    const features = new Uint32Array(MAX_FEATURES + 32);
    const expected = new Float64Array(LABEL_COUNT);
    let tokens = 0;
    for (const words of sentences()) {
      const prepared = extractor.prepare(words);
      const { context } = scorer.scoreSentence(words, () => {
        throw new Error('no token of these sentences has too many features');
      });
      for (let i = 0; i < words.length; i++) {
        model.weights.score(features, extractor.extractContext(prepared, i, features), expected);
        expect(Array.from(context.subarray(i * LABEL_COUNT, (i + 1) * LABEL_COUNT))).toEqual(
          Array.from(expected),
        );
        tokens++;
      }
    }
    expect(tokens).toBeGreaterThan(1000);
  });

  it('scores through extractContext the tokens whose features it cuts short', () => {
    // Every phrase of one to six "a"s is in every list: a token in a run of "A"s is
    // covered by dozens of matches, more than extractContext keeps.
    const gazetteer = new Map<string, number>();
    for (let n = 1; n <= 6; n++) gazetteer.set(Array(n).fill('a').join(' '), 0b111111);
    const resources = { clusters: new Map(), gazetteer };
    const table = new WeightTable(512);
    let value = 1;
    for (let code = 0; code < 24; code++)
      for (const template of [TEMPLATES.GAZ, TEMPLATES.GAZ_NEAR - 1, TEMPLATES.GAZ_NEAR + 1])
        table.weights[table.ensure(combine(template, code)) * LABEL_COUNT + (code % LABEL_COUNT)] =
          value++;
    const toy = new BeamScorer(table, resources);
    const reference = new FeatureExtractor(resources);
    const words = ['The', ...Array<string>(12).fill('A'), 'said'];
    const prepared = reference.prepare(words);
    const features = new Uint32Array(MAX_FEATURES + 32);
    const expected = new Float64Array(LABEL_COUNT);
    let cut = 0;
    const { context } = toy.scoreSentence(words, (i, out) => {
      cut++;
      toy.addAll(features, reference.extractContext(prepared, i, features), out);
    });
    expect(cut).toBeGreaterThan(0);
    for (let i = 0; i < words.length; i++) {
      table.score(features, reference.extractContext(prepared, i, features), expected);
      expect(Array.from(context.subarray(i * LABEL_COUNT, (i + 1) * LABEL_COUNT))).toEqual(
        Array.from(expected),
      );
    }
  });

  it('tags a document exactly as feature-by-feature scoring does', () => {
    const document = sentences();
    const options = { temperature: model.temperature, beam: 3 };
    const fast = tagDocument(document, model.weights, extractor, undefined, { ...options, scorer });
    const reference = tagDocument(document, model.weights, extractor, undefined, options);
    expect(fast.labels).toEqual(reference.labels);
    expect(fast.confidence).toEqual(reference.confidence);
    expect(fast.labels.some((labels) => labels.some((label) => label !== 0))).toBe(true);
  });
});
