import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConllDocuments } from '../../scripts/tagger/corpus.ts';
import { scoreSpans } from '../../scripts/tagger/eval-conll.ts';
import { trainModel } from '../../scripts/tagger/train.ts';

const CORPORA = fileURLToPath(new URL('../../../shared/corpora', import.meta.url));
const HAVE_CORPORA = existsSync(`${CORPORA}/conll2003/train.txt`);
if (!HAVE_CORPORA) console.warn(`skipping NER training tests: no corpora at ${CORPORA}`);

describe('scoreSpans', () => {
  it('counts exact matches only and micro-averages PER/ORG/LOC', () => {
    const gold = [
      { doc: 'd', start: 0, end: 5, type: 'PER' },
      { doc: 'd', start: 10, end: 15, type: 'LOC' },
      { doc: 'd', start: 20, end: 25, type: 'MISC' },
    ];
    const predicted = [
      { doc: 'd', start: 0, end: 5, type: 'PER' },
      { doc: 'd', start: 10, end: 14, type: 'LOC' },
      { doc: 'd', start: 20, end: 25, type: 'MISC' },
    ];
    const scores = scoreSpans(gold, predicted);
    expect(scores.micro).toMatchObject({ gold: 2, predicted: 2, correct: 1, f1: 0.5 });
    expect(scores.PER?.f1).toBe(1);
    expect(scores.LOC?.f1).toBe(0);
    expect(scores.MISC?.f1).toBe(1);
  });
});

describe.skipIf(!HAVE_CORPORA)('training (needs ../shared/corpora)', () => {
  it('is deterministic: two trainings on a tiny slice give identical weights', () => {
    const documents = readConllDocuments(`${CORPORA}/conll2003/train.txt`).slice(0, 20);
    const train = () =>
      trainModel({
        corpora: CORPORA,
        epochs: 2,
        clusters: new Map(),
        gazetteers: true,
        documents,
        evaluate: false,
      }).model;
    const first = train();
    const second = train();
    expect(first.weights.size).toBeGreaterThan(100);
    expect(second.weights.size).toBe(first.weights.size);
    expect(Array.from(second.weights.weights)).toEqual(Array.from(first.weights.weights));
    expect([...second.weights.entries()]).toEqual([...first.weights.entries()]);
  });
});
