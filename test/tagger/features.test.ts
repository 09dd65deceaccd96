import { describe, expect, it } from 'vitest';
import { FeatureExtractor, MAX_FEATURES } from '../../scripts/tagger/features.ts';
import { addName, matchGazetteer } from '../../scripts/tagger/gazetteer.ts';
import { combine, hashString } from '../../scripts/tagger/hash.ts';
import { wordShape } from '../../scripts/tagger/shape.ts';

describe('features', () => {
  it('computes collapsed word shapes', () => {
    expect(wordShape('McDonald')).toBe('XxXx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1996-08-22')).toBe('d-d-d');
    expect(wordShape('Zürich')).toBe('Xx');
  });

  it('matches gazetteer names case-insensitively from a capitalised token', () => {
    const gazetteer = new Map<string, number>();
    addName(gazetteer, ['New', 'York'], 'LOC');
    addName(gazetteer, ['York'], 'LOC');
    const matches = matchGazetteer(gazetteer, ['in', 'NEW', 'YORK', 'new', 'york']);
    // LOC is class 2: B-LOC = 8, L-LOC = 10, U-LOC = 11.
    expect(matches).toEqual([[], [8], [10, 11], [], []]);
  });

  it('extracts the expected features for a known sentence', () => {
    const clusters = new Map([['Prince', [1, 2, 3]]]);
    const extractor = new FeatureExtractor({ clusters, gazetteer: new Map() });
    const words = ['Matthew', 'Prince', 'spoke', '.'];
    const prepared = extractor.prepare(words);
    const out = new Uint32Array(MAX_FEATURES + 32);
    const count = extractor.extract(prepared, 1, 5, -1, undefined, out);
    const features = new Set(out.subarray(0, count));
    expect(count).toBeGreaterThan(20);
    expect(count).toBeLessThanOrEqual(MAX_FEATURES);
    expect(features.has(combine(hashString('w'), hashString('Prince')))).toBe(true);
    expect(features.has(combine(hashString('lw'), hashString('prince')))).toBe(true);
    expect(features.has(combine(hashString('sh'), hashString('Xx')))).toBe(true);
    expect(features.has(combine(hashString('lw-1'), hashString('matthew')))).toBe(true);
    expect(features.has(combine(hashString('lw1'), hashString('spoke')))).toBe(true);
    expect(features.has(combine(hashString('cl') + 2, 4))).toBe(true);
    expect(features.has(combine(hashString('t1'), 7))).toBe(true);
    // Same input, same features: extraction is a pure function.
    const again = new Uint32Array(MAX_FEATURES + 32);
    extractor.extract(extractor.prepare(words), 1, 5, -1, undefined, again);
    expect(again).toEqual(out);
  });
});
