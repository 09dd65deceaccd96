/**
 * An article-rendering worker (`parallel/pool.ts`): renders the body of each article it
 * is sent, its mentions linked (`renderArticleTree`), on a core the extraction process
 * otherwise leaves to the citation worker while it relates and assembles
 * (`renderArticlesAhead` in `prepare.ts`).
 */
import { serveBatches } from '../parallel/worker.ts';
import type { ArticleToRender } from './index.ts';

await serveBatches<ArticleToRender, string>(async () => {
  const { renderArticleTree } = await import('./render-article.ts');
  // The tree arrives as this worker's own copy: it may be changed.
  return ({ tree, spans }) => renderArticleTree(tree, spans);
});
