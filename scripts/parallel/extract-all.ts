/**
 * Per-article extraction for a whole build (`cached-map.ts`): cached results where the
 * article and the pipeline are unchanged, the rest on a pool of worker threads (or on
 * this thread when there is too little to share), in article order.
 */
import { openCache, type CacheLocation } from '../util/cache.ts';
import { createRecognizers } from '../recognize/index.ts';
import type { RecognizerContext } from '../recognize/types.ts';
import type { Article } from '../core/types.ts';
import { extractArticle, type ArticleExtraction, type StageSeconds } from './extract-article.ts';
import { cachedMap, chooseWorkers } from './cached-map.ts';
import { startPool, type Pool } from './pool.ts';
import { pipelineVersion } from './version.ts';

export interface ExtractAllOptions {
  context: RecognizerContext;
  /** Cache folder; undefined disables the cache. */
  cacheDir?: string;
  /** Worker threads; default: one per core when there is enough work, `KB_WORKERS` overrides. */
  workers?: number;
  quiet?: boolean;
  /**
   * Workers started ahead, with the cache they write to (`startExtraction`): used if
   * there is work for them, closed either way.
   */
  started?: StartedExtraction;
}

export interface ExtractAllResult {
  extractions: ArticleExtraction[];
  /**
   * Seconds per stage over the articles extracted now (not cached), summed over
   * threads: `segment`, `recognize`, `quotes` are thread CPU time, the `…Wall` ones wall
   * time (which also counts waiting for a core that other processes hold).
   */
  seconds: StageSeconds & { segmentWall: number; recognizeWall: number; quotesWall: number };
  stats: { extracted: number; cached: number; tokens: number; workers: number };
}

/** What each extraction worker is started with. */
export interface ExtractWorkerInit {
  context: RecognizerContext;
  /** Where the worker writes its results; undefined when caching is off. */
  cache?: CacheLocation;
}

const WORKER = new URL('./extract-worker.ts', import.meta.url);

/** The extraction cache, and what each worker starts with (where it writes its results). */
function openExtraction(options: Pick<ExtractAllOptions, 'context' | 'cacheDir'>) {
  const cache = openCache<ArticleExtraction>(options.cacheDir, pipelineVersion(options.context));
  const init: ExtractWorkerInit = { context: options.context, cache: cache.location };
  return { cache, init };
}

/** Extraction workers started ahead, and the cache opened for them. */
export type StartedExtraction = ReturnType<typeof openExtraction> & { pool: Pool };

/**
 * Starts the extraction workers for `count` articles before they are read, so that each
 * loads its modules and model while this thread reads and hashes the articles; none
 * when one thread would do (`chooseWorkers`). For `extractArticles` (`started`).
 */
export function startExtraction(
  count: number,
  options: Pick<ExtractAllOptions, 'context' | 'cacheDir' | 'workers'>,
): StartedExtraction | undefined {
  const workers = chooseWorkers(count, options.workers);
  if (workers <= 1) return undefined;
  const opened = openExtraction(options);
  return { ...opened, pool: startPool({ script: WORKER, workers, init: opened.init }) };
}

/** Extracts every article (cached, in workers, or here), in article order. */
export function extractArticles(articles: Article[], options: ExtractAllOptions): ExtractAllResult {
  const { cache, init } = options.started ?? openExtraction(options);
  const seconds = {
    segment: 0,
    recognize: 0,
    quotes: 0,
    segmentWall: 0,
    recognizeWall: 0,
    quotesWall: 0,
  };
  let tokens = 0;
  const { results, made, workers } = cachedMap(articles, {
    cache,
    keys: articles.map((a) => a.hash),
    label: 'extract',
    quiet: options.quiet,
    workers: options.workers,
    pool: {
      script: WORKER,
      init,
      message: (article) => article,
      started: options.started?.pool,
    },
    here: () => {
      const recognizers = createRecognizers(options.context);
      return (article) => ({ result: extractArticle(article, recognizers), keep: true });
    },
    made: (result) => {
      seconds.segment += result.seconds.segment;
      seconds.recognize += result.seconds.recognize;
      seconds.quotes += result.seconds.quotes;
      seconds.segmentWall += result.wallSeconds.segment;
      seconds.recognizeWall += result.wallSeconds.recognize;
      seconds.quotesWall += result.wallSeconds.quotes;
      tokens += result.tokens;
    },
  });
  return {
    extractions: results,
    seconds,
    stats: { extracted: made, cached: articles.length - made, tokens, workers },
  };
}
