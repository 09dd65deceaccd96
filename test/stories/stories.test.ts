import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupStories, sameStory, type StoryArticle } from '../../scripts/stories/index.ts';

const seed = (file: string) =>
  readFileSync(new URL(`../../content/articles/${file}.md`, import.meta.url), 'utf8').replace(
    /^---[\s\S]*?---/,
    '',
  );
const ENTITIES = [
  'cloudflare',
  'kiwi-farms',
  'matthew-prince',
  'clara-sorrenti',
  'josh-moon',
  '8chan',
];

const article = (
  id: string,
  text: string,
  entities: string[],
  date = '2022-09-03',
): StoryArticle => ({
  id,
  title: id,
  date,
  text,
  entities,
});

describe('groupStories', () => {
  it('puts a rough translation and a paraphrase of one piece in one story', () => {
    const { stories } = groupStories([
      article(
        'b',
        seed('under-pressure-the-security-company-cloudflare-takes-down-the-website-for-kiwi'),
        ENTITIES,
      ),
      article('a', seed('cloudflare-abandons-kiwifarms'), [...ENTITIES, 'washington-post']),
      article(
        'other',
        'The central bank raised interest rates again on Tuesday, citing inflation.',
        ['central-bank'],
      ),
    ]);
    expect(stories).toEqual([{ id: 'a', title: 'a', versions: ['a', 'b'], duplicates: [] }]);
  });

  it('shows an exact duplicate once, pointing at the first article', () => {
    const text = 'Cloudflare dropped Kiwi Farms on Saturday.\n\nPrince said the threats grew.';
    const { stories, duplicateOf } = groupStories([
      article('copy', text.toUpperCase().replace('.', ' .'), ['cloudflare'], '2022-09-04'),
      article('first', text, ['cloudflare']),
      article('retold', text.replace('dropped', 'stopped protecting'), ['cloudflare']),
    ]);
    expect(duplicateOf).toEqual(new Map([['copy', 'first']]));
    expect(stories).toEqual([
      {
        id: 'first',
        title: 'first',
        versions: ['first', 'retold'],
        duplicates: [{ article: 'copy', of: 'first' }],
      },
    ]);
  });

  it('keeps apart articles on different events, and versions far apart in time', () => {
    const quake = 'An earthquake hit Chile on Monday, killing four people and injuring many more.';
    const { stories } = groupStories([
      article('x', quake, ['chile', 'usgs']),
      article('y', 'A storm hit Peru on Friday, leaving thousands without power.', [
        'peru',
        'red-cross',
      ]),
      article(
        'z',
        quake.replace('killing four people and injuring many more', 'where four died'),
        ['chile', 'usgs'],
        '2023-01-01',
      ),
    ]);
    expect(stories).toEqual([]);
  });

  it('does not chain different events into one story through the articles between them', () => {
    // Each article shares half its words and a team with the next, nothing with the rest:
    // a season of match reports.
    const chain = Array.from({ length: 8 }, (_, n) =>
      article(`match${n}`, Array.from({ length: 30 }, (_, i) => `term${15 * n + i}`).join(' '), [
        `team${n}`,
        `team${n + 1}`,
      ]),
    );
    const { stories } = groupStories(chain);
    expect(stories.length).toBeGreaterThan(1);
    for (const s of stories) expect(s.versions.length).toBeLessThanOrEqual(3);
    // Single link (no average required) puts the whole season in one story.
    expect(groupStories(chain, { minAverage: 0 }).stories).toHaveLength(1);
  });

  it('joins on wording alone or on names with vocabulary, never on names alone', () => {
    expect(sameStory({ text: 0.6, entities: 0, words: 0.6 })).toBe(true);
    expect(sameStory({ text: 0.1, entities: 0.8, words: 0.5 })).toBe(true);
    expect(sameStory({ text: 0, entities: 0.4, words: 0.05 })).toBe(false);
    expect(sameStory({ text: 0, entities: 0, words: 0.35 })).toBe(false);
  });

  it('stays near-linear: 10,000 articles in seconds', () => {
    const articles = Array.from({ length: 10_000 }, (_, i) =>
      article(
        `a${i}`,
        `Report ${i}: ${Array.from({ length: 60 }, (_, w) => `word${(i * 7 + w * 13) % 5000}`).join(' ')}.`,
        [`e${i % 3000}`, `e${(i * 17) % 3000}`, 'everywhere'],
      ),
    );
    const started = performance.now();
    groupStories(articles);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
