import { describe, expect, it } from 'vitest';
import { b3Scores, b3Sums } from '../../scripts/eval/ecbplus-b3.ts';
import { evaluateEcbPlus, hasEcbPlus } from '../../scripts/eval/ecbplus.ts';
import { evaluateEcbStories } from '../../scripts/eval/ecbplus-stories.ts';
import { ecbPlusErrors } from '../../scripts/eval/ecbplus-errors.ts';

describe('B³', () => {
  it('scores the worked example of Bagga & Baldwin: one gold cluster split in two', () => {
    const gold = new Map([1, 2, 3, 4, 5].map((i) => [i, 'A']));
    const predicted = new Map([
      [1, 'x'],
      [2, 'x'],
      [3, 'y'],
      [4, 'y'],
      [5, 'y'],
    ]);
    const { precision, recall } = b3Scores(b3Sums(gold, predicted));
    expect(precision).toBe(1);
    expect(recall).toBeCloseTo((2 * (2 / 5) + 3 * (3 / 5)) / 5);
  });
});

// ECB+ is read from ../shared/corpora when present; it is never part of the repository.
describe.skipIf(!hasEcbPlus())('cross-document people and organizations on ECB+ dev', () => {
  it('clusters the mentions it finds with B³ F1 above 0.92', () => {
    const { total } = evaluateEcbPlus({ split: 'dev' });
    expect(b3Scores(total.b3).f1).toBeGreaterThan(0.92);
    expect(total.foundNames / total.goldNames).toBeGreaterThan(0.75);
  }, 60_000);

  it('breaks clustering errors into categories, with examples, on a few dev topics', () => {
    const tally = ecbPlusErrors(2, [1, 9]);
    expect(Object.keys(tally)).toContain('gold chain name not found');
    for (const { count, examples } of Object.values(tally)) {
      expect(examples.length).toBeLessThanOrEqual(Math.min(2, count));
      expect(examples.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it('groups articles into their events (subtopics) with B³ F1 above 0.8, none of 30 or more', () => {
    const result = evaluateEcbStories({ split: 'dev' });
    expect(result.f1).toBeGreaterThan(0.8);
    expect(result.precision).toBeGreaterThan(0.9);
    expect(result.largest[0]!.size).toBeLessThan(30);
  }, 120_000);
});

if (!hasEcbPlus())
  console.log('ECB+ corpus absent (../shared/corpora/ecbplus): skipping its test.');
