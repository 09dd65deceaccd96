/**
 * An extraction worker (`parallel/pool.ts`): builds the recognizers once (loading the
 * model, ~150 ms), then extracts each batch of articles it is sent and caches each
 * result where `init.cache` says.
 */
import { serveBatches } from './worker.ts';
import type { Article } from '../core/types.ts';
import type { ArticleExtraction } from './extract-article.ts';
import type { ExtractWorkerInit } from './extract-all.ts';

await serveBatches<Article, ArticleExtraction, ExtractWorkerInit>(async (init) => {
  const { extractArticle } = await import('./extract-article.ts');
  const { createRecognizers } = await import('../recognize/index.ts');
  const { defaultModel } = await import('../tagger/default-model.ts');
  const { writeEntry } = await import('../util/cache.ts');
  const recognizers = createRecognizers(init.context);
  defaultModel();
  return (article) => {
    const result = extractArticle(article, recognizers);
    if (init.cache) writeEntry(init.cache, article.hash, result);
    return result;
  };
});
