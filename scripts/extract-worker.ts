/**
 * An extraction worker (`parallel/pool.ts`): builds the recognizers once (loading the
 * model, ~150 ms), then extracts each batch of articles it is sent and caches each
 * result where `init.cache` says.
 */
import { serveBatches } from './parallel/worker.ts';
import type { Article } from './pipeline/types.ts';
import type { ArticleExtraction } from './parallel/extract-article.ts';
import type { ExtractWorkerInit } from './parallel/extract-all.ts';

await serveBatches<Article, ArticleExtraction, ExtractWorkerInit>(async (init) => {
  const { extractArticle } = await import('./parallel/extract-article.ts');
  const { createRecognizers } = await import('./pipeline/recognize/index.ts');
  const { defaultModel } = await import('./ner/default-model.ts');
  const { writeEntry } = await import('./cache.ts');
  const recognizers = createRecognizers(init.context);
  defaultModel();
  return (article) => {
    const result = extractArticle(article, recognizers);
    if (init.cache) writeEntry(init.cache, article.hash, result);
    return result;
  };
});
