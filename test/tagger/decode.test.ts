import { describe, expect, it } from 'vitest';
import { aggregateFeatures } from '../../scripts/tagger/aggregate.ts';
import { tagDocument } from '../../scripts/tagger/decode.ts';
import { FeatureExtractor } from '../../scripts/tagger/features.ts';
import { combine, hashString } from '../../scripts/tagger/hash.ts';
import { LABEL_COUNT, LABEL_NAMES, canEnd, isAllowed } from '../../scripts/tagger/labels.ts';
import { JointTable, WeightTable } from '../../scripts/tagger/weights.ts';
import { splitGlued } from '../../scripts/recognize/tagger.ts';
import { tokenize } from '../../scripts/segment/tokenize.ts';

const id = (name: string): number => LABEL_NAMES.indexOf(name);

/** A table that likes U-ORG on "Acme" and B-ORG a little less; the beam must pick the better whole. */
function toyTable(): WeightTable {
  const table = new WeightTable(64);
  const set = (feature: number, label: string, value: number): void => {
    table.weights[table.ensure(feature) * LABEL_COUNT + id(label)] = value;
  };
  set(combine(hashString('w'), hashString('Acme')), 'U-ORG', 2);
  set(combine(hashString('w'), hashString('Acme')), 'B-ORG', 1.9);
  set(combine(hashString('w'), hashString('Corp')), 'L-ORG', 5);
  set(hashString('bias'), 'O', 1);
  return table;
}

describe('beam decoding', () => {
  const extractor = new FeatureExtractor({ clusters: new Map(), gazetteer: new Map() });
  const words = [['Acme', 'Corp', 'said']];

  it('finds a longer name that greedy decoding misses', () => {
    const greedy = tagDocument(words, toyTable(), extractor, undefined, { beam: 1 });
    const beam = tagDocument(words, toyTable(), extractor, undefined, { beam: 3 });
    expect(Array.from(greedy.labels[0]!, (l) => LABEL_NAMES[l])).toEqual(['U-ORG', 'O', 'O']);
    expect(Array.from(beam.labels[0]!, (l) => LABEL_NAMES[l])).toEqual(['B-ORG', 'L-ORG', 'O']);
    for (const c of beam.confidence[0]!) expect(c).toBeGreaterThan(0);
  });

  it('only produces well-formed BILOU sequences', () => {
    const labels = tagDocument(words, toyTable(), extractor, undefined, { beam: 2 }).labels[0]!;
    let previous = -1;
    for (const label of labels) {
      expect(isAllowed(previous, label)).toBe(true);
      previous = label;
    }
    expect(canEnd(previous)).toBe(true);
  });
});

describe('joint weight table', () => {
  it('scores like the tables it joins, to 16-bit precision', () => {
    const a = toyTable();
    const b = new WeightTable(8);
    b.weights[b.ensure(hashString('bias')) * LABEL_COUNT + id('U-PER')] = -3;
    const joint = new JointTable([a, b]);
    const features = Uint32Array.of(
      combine(hashString('w'), hashString('Acme')),
      hashString('bias'),
      12345,
    );
    const scores = new Float64Array(2 * LABEL_COUNT);
    joint.score(features, 3, scores);
    const expected = new Float64Array(LABEL_COUNT);
    a.score(features, 3, expected);
    for (let l = 0; l < LABEL_COUNT; l++) expect(scores[l]).toBeCloseTo(expected[l]!, 3);
    expect(scores[LABEL_COUNT + id('U-PER')]).toBeCloseTo(-3, 3);
  });
});

describe('two-pass aggregation features', () => {
  it("reports the other occurrences' labels, not the token's own", () => {
    const sentences = [
      ['Mercantile', 'Bancorp', 'Inc.', 'rose'],
      ['Mercantile', 'fell'],
    ];
    const labels = [
      Int8Array.of(id('B-ORG'), id('I-ORG'), id('L-ORG'), 0),
      Int8Array.of(id('U-LOC'), 0),
    ];
    const features = aggregateFeatures(sentences, labels);
    const second = new Set(features[1]![0]);
    // "Mercantile" elsewhere: class ORG (1), and first word (part 0) of an ORG name.
    expect(second.has(combine(hashString('agg'), 1))).toBe(true);
    expect(second.has(combine(hashString('aggname'), 4))).toBe(true);
    expect(second.has(combine(hashString('agg'), 2))).toBe(false);
    // Lower-case words get only the first-pass label features.
    expect(features[1]![1]!.length).toBe(3);
  });
});

describe('glued tokens', () => {
  it('splits a lower-case word glued to a name, and leaves brand names whole', () => {
    const split = splitGlued(tokenize('its registrarDreamHost and iPhone or eBay'));
    expect(split.map((t) => t.text)).toEqual([
      'its',
      'registrar',
      'DreamHost',
      'and',
      'iPhone',
      'or',
      'eBay',
    ]);
    expect(split[2]).toMatchObject({ start: 13, end: 22 });
  });
});
