import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../scripts/segment/tokenize.ts';
import { DEFAULT_MODEL_PATH } from '../../scripts/tagger/default-model.ts';
import { loadModel } from '../../scripts/tagger/model.ts';
import { taggerRecognizer } from '../../scripts/recognize/tagger.ts';
import type { SegmentedArticle } from '../../scripts/core/types.ts';

describe('committed NER model', () => {
  it('is smaller than 15 MB and loads in under a second', () => {
    expect(existsSync(DEFAULT_MODEL_PATH)).toBe(true);
    expect(statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(15e6);
    const started = performance.now();
    loadModel(DEFAULT_MODEL_PATH);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // The greedy tagger opened an ORG at the unseen sentence-initial "Cloudflare" and
  // carried it through "CEO Matthew"; the beam (decode.ts) finds the three names.
  it('finds a person, an organization and a place in a news sentence', () => {
    const text = 'Cloudflare CEO Matthew Prince spoke in San Francisco.';
    const tokens = tokenize(text);
    const doc = {
      paragraphs: [
        { id: 'p1', kind: 'paragraph', text, sentences: [{ start: 0, end: text.length, tokens }] },
      ],
    } as unknown as SegmentedArticle;
    const mentions = taggerRecognizer({ curated: [] }).recognize(doc);
    const found = mentions.map((m) => [m.text, m.type]);
    expect(found).toContainEqual(['Matthew Prince', 'person']);
    expect(found).toContainEqual(['San Francisco', 'place']);
    expect(found).toContainEqual(['Cloudflare', 'organization']);
    for (const mention of mentions) {
      expect(mention.paragraph).toBe('p1');
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.score).toBeGreaterThanOrEqual(0);
      expect(mention.score).toBeLessThanOrEqual(1);
      expect(mention.source).toBe('tagger');
    }
  });

  it('leaves titles out of person names', () => {
    const text = 'Mr. John Smith arrived in Paris on Tuesday.';
    const doc = {
      paragraphs: [
        {
          id: 'p1',
          kind: 'paragraph',
          text,
          sentences: [{ start: 0, end: text.length, tokens: tokenize(text) }],
        },
      ],
    } as unknown as SegmentedArticle;
    const people = taggerRecognizer({ curated: [] })
      .recognize(doc)
      .filter((m) => m.type === 'person');
    expect(people.map((m) => m.text)).toEqual(['John Smith']);
  });
});
