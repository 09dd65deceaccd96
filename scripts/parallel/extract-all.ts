/**
 * Per-article extraction for a whole build: cached results where the article and the
 * pipeline are unchanged, the rest on a pool of worker threads (or on this thread when
 * there is too little to share). Results come back in article order whatever order the
 * workers finish in, so output never depends on parallelism.
 */
import { availableParallelism } from 'node:os';
import { openCache, type CacheLocation } from '../cache.ts';
import { startProgress } from '../progress.ts';
import { createRecognizers } from '../pipeline/recognize/index.ts';
import type { RecognizerContext } from '../pipeline/recognize/types.ts';
import type { Article } from '../pipeline/types.ts';
import { extractArticle, type ArticleExtraction, type StageSeconds } from './extract-article.ts';
import { runPoolSync } from './pool.ts';
import { pipelineVersion } from './version.ts';

/** Below this many articles per worker, starting workers (and their model) costs more than it saves. */
const MIN_PER_WORKER = 40;

export interface ExtractAllOptions {
  context: RecognizerContext;
  /** Cache folder; undefined disables the cache. */
  cacheDir?: string;
  /** Worker threads; default: one per core when there is enough work, `KB_WORKERS` overrides. */
  workers?: number;
  quiet?: boolean;
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

/** How many workers to start for `misses` articles; an explicit request is honoured. */
export function chooseWorkers(misses: number, requested?: number): number {
  const fromEnv = Number(process.env.KB_WORKERS) || undefined;
  const explicit = requested ?? fromEnv;
  if (explicit !== undefined) return Math.max(1, Math.min(explicit, misses));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(misses / MIN_PER_WORKER)));
}

/** What each extraction worker is started with. */
export interface ExtractWorkerInit {
  context: RecognizerContext;
  /** Where the worker writes its results; undefined when caching is off. */
  cache?: CacheLocation;
}

/** Extracts every article (cached, in workers, or here), in article order. */
export function extractArticles(articles: Article[], options: ExtractAllOptions): ExtractAllResult {
  const cache = openCache<ArticleExtraction>(options.cacheDir, pipelineVersion(options.context));
  const extractions: ArticleExtraction[] = new Array(articles.length);
  const misses: number[] = [];
  articles.forEach((article, i) => {
    const hit = cache.get(article.hash);
    if (hit) extractions[i] = hit;
    else misses.push(i);
  });
  const seconds = {
    segment: 0,
    recognize: 0,
    quotes: 0,
    segmentWall: 0,
    recognizeWall: 0,
    quotesWall: 0,
  };
  let tokens = 0;
  const progress = startProgress('extract', misses.length, options.quiet);
  const store = (index: number, result: ArticleExtraction, cached = false) => {
    const article = articles[index]!;
    extractions[index] = result;
    if (!cached) cache.set(article.hash, result);
    seconds.segment += result.seconds.segment;
    seconds.recognize += result.seconds.recognize;
    seconds.quotes += result.seconds.quotes;
    seconds.segmentWall += result.wallSeconds.segment;
    seconds.recognizeWall += result.wallSeconds.recognize;
    seconds.quotesWall += result.wallSeconds.quotes;
    tokens += result.tokens;
    progress.tick();
  };
  const workers = chooseWorkers(misses.length, options.workers);
  if (workers > 1) {
    const missing = misses.map((i) => articles[i]!);
    runPoolSync<Article, ArticleExtraction>(
      missing,
      {
        script: new URL('../extract-worker.ts', import.meta.url),
        workers,
        init: { context: options.context, cache: cache.location } satisfies ExtractWorkerInit,
      },
      // The worker has written its result to the cache already.
      (index, result) => store(misses[index]!, result, true),
    );
  } else if (misses.length) {
    const recognizers = createRecognizers(options.context);
    for (const i of misses) store(i, extractArticle(articles[i]!, recognizers));
  }
  progress.done();
  cache.prune(new Set(articles.map((a) => a.hash)));
  return {
    extractions,
    seconds,
    stats: { extracted: misses.length, cached: articles.length - misses.length, tokens, workers },
  };
}
