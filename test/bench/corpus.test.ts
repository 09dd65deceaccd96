import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reutersBody, type BenchArticle } from '../../scripts/bench/corpus.ts';
import { articleMarkdown } from '../../scripts/bench/workspace.ts';
import { readArticles } from '../../scripts/read/index.ts';
import { tempTree } from '../helpers.ts';

describe('bench corpus', () => {
  it('turns Reuters wire copy into markdown paragraphs', () => {
    const raw =
      'Showers continued in\nthe Bahia zone.\n    The dry period means\nlate crops.\n Reuter\n';
    expect(reutersBody(raw)).toBe(
      'Showers continued in the Bahia zone.\n\nThe dry period means late crops.',
    );
  });

  it('writes articles that read back with their front matter', () => {
    const article: BenchArticle = {
      slug: 'reuters-1',
      title: 'BAHIA: "COCOA" REVIEW',
      publisher: 'Reuters',
      date: '1987-02-26',
      body: 'One.\n\nTwo.',
    };
    const root = tempTree({ 'content/articles/reuters-1.md': articleMarkdown(article) });
    const { items, problems } = readArticles(join(root, 'content', 'articles'), root);
    expect(problems).toEqual([]);
    expect(items[0]!.meta).toMatchObject({ title: article.title, date: '1987-02-26' });
    expect(items[0]!.body.trim()).toBe('One.\n\nTwo.');
  });
});
