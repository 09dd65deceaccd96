/**
 * An extraction worker (`parallel/pool.ts`): builds the recognizers once (loading the
 * model, ~150 ms), then extracts each batch of articles it is sent and answers on its
 * port, bumping the shared counter the waiting thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Article } from './pipeline/types.ts';
import type { WorkerReply } from './parallel/pool.ts';
import type { ArticleExtraction } from './parallel/extract-article.ts';
import type { ExtractWorkerInit } from './parallel/extract-all.ts';

const { port, signal, init } = workerData as {
  port: MessagePort;
  signal: Int32Array;
  init: ExtractWorkerInit;
};

function reply(message: WorkerReply<ArticleExtraction>): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  // Imported here, not statically, so that a failure to load is reported, not a hang.
  const { extractArticle } = await import('./parallel/extract-article.ts');
  const { createRecognizers } = await import('./pipeline/recognize/index.ts');
  const { defaultModel } = await import('./ner/default-model.ts');
  const { writeEntry } = await import('./cache.ts');
  const recognizers = createRecognizers(init.context);
  defaultModel();
  const extract = (article: Article) => {
    const result = extractArticle(article, recognizers);
    if (init.cache) writeEntry(init.cache, article.hash, result);
    return result;
  };
  port.on('message', (batch: Article[]) => {
    try {
      reply({ results: batch.map(extract) });
    } catch (error) {
      reply({ error: (error as Error).stack ?? String(error) });
    }
  });
} catch (error) {
  reply({ error: (error as Error).stack ?? String(error) });
}
