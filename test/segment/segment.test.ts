import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../scripts/segment/index.ts';
import { splitSentences } from '../../scripts/segment/sentences.ts';
import { tokenize } from '../../scripts/segment/tokenize.ts';
import { expectGolden, makeArticle } from '../helpers.ts';

const FIXTURE = new URL('../fixtures/segment/', import.meta.url);

describe('segmentArticle', () => {
  const doc = segmentArticle(makeArticle(readFileSync(new URL('input.md', FIXTURE), 'utf8')));

  it('matches the golden segmentation', () => {
    const simple = doc.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      sentences: p.sentences.map((s) => s.tokens.map((t) => t.text).join(' ')),
    }));
    expectGolden(new URL('expected.json', FIXTURE).pathname, simple);
  });

  it('numbers paragraphs p1… in document order and every offset points at its text', () => {
    expect(doc.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    for (const p of doc.paragraphs) {
      for (const s of p.sentences)
        for (const t of s.tokens) expect(p.text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});

describe('splitSentences', () => {
  it('does not break after titles, months and initialisms', () => {
    const text =
      'On Aug. 24, Rep. Greene spoke. The attack on the U.S. Capitol was bad. Mr. J. Smith left.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'On Aug. 24, Rep. Greene spoke.',
      'The attack on the U.S. Capitol was bad.',
      'Mr. J. Smith left.',
    ]);
  });
});

describe('tokenize', () => {
  it('splits like CoNLL: punctuation, possessives and negations apart, abbreviations whole', () => {
    expect(
      tokenize('Prince’s firm didn’t visit the U.S. on Aug. 24 (R-Ga.).').map((t) => t.text),
    ).toEqual([
      'Prince',
      '’s',
      'firm',
      'did',
      'n’t',
      'visit',
      'the',
      'U.S.',
      'on',
      'Aug.',
      '24',
      '(',
      'R-Ga',
      '.',
      ')',
      '.',
    ]);
  });
  it('keeps domains, hashtags and handles whole', () => {
    expect(tokenize('See kiwifarms.net, #DropKiwiFarms and @keffals.').map((t) => t.text)).toEqual([
      'See',
      'kiwifarms.net',
      ',',
      '#DropKiwiFarms',
      'and',
      '@keffals',
      '.',
    ]);
  });
});
