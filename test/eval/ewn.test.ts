/**
 * Issue 23: `kb eval` scores EWN per type, region and outlet fold, does not punish a
 * prediction on a span the set leaves unscored, and sorts errors into categories; the
 * EWN articles become training documents on the pipeline's own tokens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateEwn, ewnFold, type EwnRecord } from '../../scripts/eval/ewn.ts';
import { readEwnDocuments } from '../../scripts/tagger/corpus-ewn.ts';

function record(
  id: string,
  region: string,
  text: string,
  spans: Array<[string, string]>,
  unscored: Array<[string, string]> = [],
): EwnRecord {
  const at = (list: Array<[string, string]>) =>
    list.map(([type, name]) => {
      const start = text.indexOf(name);
      return { type, start, end: start + name.length, text: name };
    });
  return {
    id,
    url: `https://${region}.example/${id}`,
    region_prefix: region,
    text,
    entities: at(spans),
    unscored: at(unscored),
  };
}

const records = [
  record(
    'a',
    'north',
    'Prime Minister Sheikh Hasina met Joe Biden in Dhaka on Monday.\n\nThe World Bank lent the Bangladesh Railway 300 million US dollars.',
    [
      ['PER', 'Sheikh Hasina'],
      ['PER', 'Joe Biden'],
      ['LOC', 'Dhaka'],
      ['ORG', 'World Bank'],
      ['ORG', 'Bangladesh Railway'],
    ],
    [
      ['Money', 'US'],
      ['Date', 'Monday'],
    ],
  ),
  record('b', 'south', 'King Abdullah received the envoy in Amman, reports Petra.', [
    ['PER', 'Abdullah'],
    ['LOC', 'Amman'],
    ['ORG', 'Petra'],
  ]),
];

describe('EWN evaluation', () => {
  const result = evaluateEwn(records, 3);

  it('scores per type, per region and per outlet fold, from the same spans', () => {
    expect(result.all.micro.gold).toBe(8);
    expect([...result.byRegion.keys()]).toEqual(['north', 'south']);
    expect(result.byRegion.get('south')!.micro.gold).toBe(3);
    expect(result.byFold[0].micro.gold + result.byFold[1].micro.gold).toBe(8);
    expect(result.all.micro.correct).toBeGreaterThanOrEqual(5);
  });

  it('neither rewards nor punishes a prediction on a span the set leaves unscored', () => {
    const unscoredOnly = record('c', 'north', 'He paid in US dollars.', [], [['Money', 'US']]);
    const scores = evaluateEwn([unscoredOnly], 3).all;
    expect(scores.micro.predicted).toBe(0);
  });

  it('sorts what it got wrong into categories, with examples in context', () => {
    const categories = Object.keys(result.errors);
    for (const category of categories)
      expect(category).toMatch(/^(missed|spurious|boundary|wrong type) · /);
    for (const { examples } of Object.values(result.errors))
      for (const example of examples) expect(example).toMatch(/\[.+\]/);
  });

  it('keeps every article of a region on one side of the split, and uses both sides', () => {
    const other = record('e', 'north', 'Another outlet, same country.', []);
    expect(ewnFold(other)).toBe(ewnFold(records[0]!));
    const regions = ['bangladesh', 'chile', 'cn', 'eg', 'et', 'israel', 'jp', 'nz', 'tw', 'ven'];
    expect(new Set(regions.map((region) => ewnFold({ region_prefix: region }))).size).toBe(2);
  });
});

describe('EWN as training documents', () => {
  const corpora = mkdtempSync(join(tmpdir(), 'dossier-ewn-'));
  afterAll(() => rmSync(corpora, { recursive: true, force: true }));

  it('labels the pipeline tokens of each sentence, MISC for nationalities, one fold at a time', () => {
    mkdirSync(join(corpora, 'ewn'));
    const nationality = record(
      'd',
      'south',
      'The Jordanian envoy met Ayman Safadi. It rained.',
      [['PER', 'Ayman Safadi']],
      [
        ['NORP', 'Jordanian'],
        ['Date', 'rained'],
      ],
    );
    writeFileSync(
      join(corpora, 'ewn/dev.jsonl'),
      [...records, nationality].map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    const documents = readEwnDocuments(corpora);
    expect(documents).toHaveLength(3);
    const first = documents.find((d) => d.id === 'ewn#d')!.sentences[0]!;
    const spans = first.spans.map(
      (s) => `${s.type}:${first.words.slice(s.start, s.end).join(' ')}`,
    );
    expect(spans).toEqual(['MISC:Jordanian', 'PER:Ayman Safadi']);
    const fold = ewnFold(records[0]!);
    expect(readEwnDocuments(corpora, fold).map((d) => d.id)).toContain('ewn#a');
    expect(readEwnDocuments(corpora, fold === 0 ? 1 : 0).map((d) => d.id)).not.toContain('ewn#a');
  });
});
