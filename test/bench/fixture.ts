/** A small content folder for cache and parallelism tests: corpus articles when present. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbcArticles, corporaDir, type BenchArticle } from '../../scripts/bench/corpus.ts';
import { articleMarkdown } from '../../scripts/bench/workspace.ts';
import { ROOT } from '../../scripts/core/config.ts';
import { tempTree } from '../helpers.ts';

/** Paragraphs of the seed articles, regrouped into `count` articles (no corpus needed). */
function seedArticles(count: number): BenchArticle[] {
  const dir = join(ROOT, 'content', 'articles');
  const paragraphs = readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/^---$/m)[2]!.split(/\n\n+/))
    .map((p) => p.trim())
    .filter(Boolean);
  return Array.from({ length: count }, (_, i) => ({
    slug: `seed-${i}`,
    title: `Seed ${i}`,
    publisher: 'Test',
    body: paragraphs.filter((_, p) => (p + i) % 3 !== 0).join('\n\n'),
  }));
}

/** A project folder with `count` articles under `content/articles/`. */
export function contentFixture(count: number): string {
  const articles = existsSync(join(corporaDir(), 'bbc', 'bbc.jsonl'))
    ? bbcArticles().slice(0, count)
    : seedArticles(count);
  return tempTree(
    Object.fromEntries(articles.map((a) => [`content/articles/${a.slug}.md`, articleMarkdown(a)])),
  );
}
