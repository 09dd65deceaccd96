/**
 * Per-item work for a whole build through a cache: items whose key the cache holds come
 * from it; the rest are made on a pool of worker threads when there are enough of them
 * (each worker caches its own results), else on this thread. Results come back in item
 * order whatever order the workers finish in, so output never depends on parallelism.
 * Entries for keys no longer asked for are pruned. Used by extraction and citations.
 */
import { availableParallelism } from 'node:os';
import type { ExtractionCache } from '../util/cache.ts';
import { startProgress } from '../util/progress.ts';
import { startPool, type Pool } from './pool.ts';

/** Below this many items per worker, starting workers (and their model) costs more than it saves. */
const MIN_PER_WORKER = 40;

/**
 * Below this many items left, only workers started ahead take them: one that starts now
 * sets up for about a second (a citation worker builds its engines), in which one that
 * has set up does some thousands of the most common items.
 */
const COLD_START_ITEMS = 2000;

/** How many workers to start for `misses` items; an explicit request is honoured. */
export function chooseWorkers(misses: number, requested?: number): number {
  const fromEnv = Number(process.env.KB_WORKERS) || undefined;
  const explicit = requested ?? fromEnv;
  if (explicit !== undefined) return Math.max(1, Math.min(explicit, misses));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(misses / MIN_PER_WORKER)));
}

export interface CachedMapOptions<I, O, W> {
  cache: ExtractionCache<O>;
  /** Results made already (sent ahead to the pool), by key: used before the cache. */
  ready?: ReadonlyMap<string, O>;
  /** The cache key of each item. */
  keys: string[];
  /** Progress label. */
  label: string;
  quiet?: boolean;
  /** Worker threads requested (see `chooseWorkers`). */
  workers?: number;
  /**
   * The pool: its worker script, what each worker starts with, what it is sent per item;
   * `started`, workers started ahead (`startPool`), used if there is work for them and
   * closed either way.
   */
  pool: {
    script: URL;
    init: unknown;
    batch?: number;
    message: (item: I, key: string) => W;
    started?: Pool;
  };
  /** Sets up making results on this thread; each result says whether to cache it. */
  here: () => (item: I) => { result: O; keep: boolean };
  /** Called for each result made now (not from the cache), in completion order. */
  made?: (result: O) => void;
}

/** The result for every item, with how many were made now and on how many workers. */
export function cachedMap<I, O, W>(
  items: readonly I[],
  options: CachedMapOptions<I, O, W>,
): { results: O[]; made: number; workers: number } {
  const { cache, keys } = options;
  const results: O[] = new Array(items.length);
  const misses: number[] = [];
  keys.forEach((key, i) => {
    const hit = options.ready?.get(key) ?? cache.get(key);
    if (hit) results[i] = hit;
    else misses.push(i);
  });
  const progress = startProgress(options.label, misses.length, options.quiet);
  const store = (index: number, result: O) => {
    results[index] = result;
    options.made?.(result);
    progress.tick();
  };
  const { script, init, batch, message, started } = options.pool;
  let pool: Pool | undefined = started;
  if (pool && !misses.length) {
    pool.close();
    pool = undefined;
  }
  // Workers started ahead are set up: a few items go to them alone, not to workers that
  // would start now or to this thread, which would have to set up too.
  const workers =
    pool && misses.length < COLD_START_ITEMS
      ? pool.started
      : chooseWorkers(misses.length, options.workers);
  if (!pool && workers > 1) pool = startPool({ script, workers, init });
  if (pool) {
    pool.runSync<W, O>(
      misses.map((i) => message(items[i]!, keys[i]!)),
      // The worker has written its result to the cache already.
      (index, result) => store(misses[index]!, result),
      { batch, workers },
    );
  } else if (misses.length) {
    const make = options.here();
    for (const i of misses) {
      const { result, keep } = make(items[i]!);
      if (keep) cache.set(keys[i]!, result);
      store(i, result);
    }
  }
  progress.done();
  cache.prune(new Set(keys));
  return { results, made: misses.length, workers: pool ? workers : 1 };
}
