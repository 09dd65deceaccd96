/**
 * Rendering in processes of their own, on every core. Astro renders a site's pages one
 * after another in one process, so a large site's pages are shared among `n` render
 * processes (`render-shard.ts`), each a whole Astro build of its share: process `k`
 * renders the pages whose index in their route's list is `k` modulo `n` (`shardRoutes`
 * in `src/lib/site.ts`); the first one also the single pages (the home page, the search
 * page, `kb.json`). A small site has one.
 *
 * The build process renders nothing itself: it holds the search index, which each
 * render process sends its pages to over IPC (`pagefind.ts` restores the order one
 * process renders them in), and when they have exited, their memory is free for
 * Pagefind's writing. All render into the site's folder: the single pages only the
 * first (`src/middleware.ts`), the assets each, the same bytes. The site is the same
 * byte for byte, whatever the number of processes (`test/build/shards.test.ts`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../core/config.ts';
import { isRunning } from '../util/running.ts';
import type { FedPage } from './pagefind.ts';

/** Which share of the pages this process renders: `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Below this many articles (some 3,000 pages) a second process costs more (its own
 * Astro build) than it saves.
 */
const SHARD_FROM_ARTICLES = 1000;
/** Each render process holds an Astro build in memory: at most this many at once. */
const MAX_SHARDS = 2;

/**
 * How many processes render a site of `articles` articles: `KB_RENDER_SHARDS` if set,
 * else one per core (at most `MAX_SHARDS`) for a large site and one for a small one.
 * Known before extraction, so that they can start with it.
 */
export function renderShards(articles: number, env = process.env): number {
  const asked = env.KB_RENDER_SHARDS;
  if (asked !== undefined) {
    const count = Number(asked);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(
        `KB_RENDER_SHARDS must be a whole number of processes, 1 or more: "${asked}"`,
      );
    return count;
  }
  return articles < SHARD_FROM_ARTICLES ? 1 : Math.min(MAX_SHARDS, availableParallelism());
}

/** This process's share: `KB_SHARD` ("k/n", set for each render process), else all of it. */
export function currentShard(env = process.env): Shard {
  const shard = /^(\d+)\/(\d+)$/.exec(env.KB_SHARD ?? '');
  return shard ? { index: Number(shard[1]), count: Number(shard[2]) } : { index: 0, count: 1 };
}

/**
 * The folder a render process works in, with its Astro caches. In the project, because
 * Astro's server build, which imports packages, goes into the working folder when the
 * site is outside it.
 */
const processFolder = (shard: Shard) =>
  join(ROOT, 'node_modules', '.dossier-render', `${process.pid}-${shard.index}`);

/** How much content a site is made from: its articles and their bytes. */
export interface ContentScale {
  articles: number;
  bytes: number;
}

/**
 * The old-space limit of each render process: twice what it is expected to hold (Astro
 * and Vite, about 300 MB, and `site.json`, parsed into some 3.5 times its size). V8
 * grows a heap it is not made to collect well past what is live: two render processes
 * would otherwise take a gigabyte and more each. The processes start before `site.json`
 * is written, so its size is foreseen from the content: some 2 KB an article (its cite
 * box) and its text once over (its entities and paragraphs); 10,000 news articles
 * (10.7 MB) give 31 MB, foreseen as 31 MB.
 */
function heapLimitMb(scale: ContentScale): number {
  const indexMb = (2000 * scale.articles + scale.bytes) / 1e6;
  return Math.round(2 * (300 + 3.5 * indexMb));
}

/** A render process asks for the page data (`waitForPageData`)… */
export const WANTS_DATA = 'wants-data';
/** …and the build process answers once it is written. */
export const DATA_READY = 'data-ready';
/** Where `render-shard.ts` puts the wait for the page data. */
const DATA_GATE = Symbol.for('dossier.render.data');

/**
 * An answer to a render process that has already finished: a page that takes Pagefind
 * long to index (a very long article) can be answered after the process that sent it
 * exited, and writing to its closed channel fails (EPIPE). Nothing is lost: a process
 * that failed says so by its exit code.
 */
const ignoreClosed = () => {};

/** In a render process, installs what `waitForPageData` calls. */
export function setDataGate(wait: () => Promise<void>): void {
  (globalThis as { [DATA_GATE]?: () => Promise<void> })[DATA_GATE] = wait;
}

/**
 * Resolves once the page data can be read: in a render process, which starts while the
 * data is still being made, when the build process says so; elsewhere at once.
 */
export function waitForPageData(): Promise<void> {
  return (globalThis as { [DATA_GATE]?: () => Promise<void> })[DATA_GATE]?.() ?? Promise.resolve();
}

/** Removes the folders of render processes whose build was killed (`<pid>-<shard>`). */
function removeAbandoned(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!isRunning(Number(name.split('-')[0])))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export interface RenderOptions {
  /** Where the site goes: every process renders into it. */
  outDir: string;
  /** The emitted page data the pages are rendered from (`KB_DATA`). */
  dataDir: string;
  /**
   * Resolves once the page data is in `dataDir`. The processes start at once and do
   * their Astro builds (Vite's bundling) meanwhile, then wait for it; if it rejects,
   * they are stopped and rendering rejects with its error.
   */
  data: Promise<unknown>;
  /** How much content the site is made from: sizes the processes' heaps. */
  scale: ContentScale;
  count: number;
  /** Gets every page a process sends; resolves once that process may send more. */
  page(shard: number, fed: FedPage): Promise<void>;
  /** A process has sent all its pages. */
  done(shard: number): void;
  quiet?: boolean;
}

/**
 * How many render processes start before the page data is written, to bundle the site
 * while it is made. Each holds some 350 MB from then on, beside extraction's peak (the
 * cite and emit stages, 1.5 GB at 10,000 articles): one keeps a large build within
 * 2.5 GB; the others start once the data is there.
 */
const EARLY_SHARDS = 1;

/**
 * Renders the site in `count` processes (`render-shard.ts`), each an Astro build of its
 * share; resolves once all have finished and their pages are in `outDir`. One that
 * fails stops the others, and the error names it.
 */
export async function renderInProcesses(options: RenderOptions): Promise<void> {
  const { outDir, dataDir, count } = options;
  const heapLimit = heapLimitMb(options.scale);
  const shards = Array.from({ length: count }, (_, index) => ({ index, count }));
  const folders = shards.map(processFolder);
  removeAbandoned(dirname(folders[0]!));
  const children: ChildProcess[] = [];
  let failure: Error | undefined;
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
  process.once('exit', stopAll);
  options.data.catch((error: Error) => {
    failure ??= error;
    stopAll();
  });
  try {
    const runs = shards.map(async (shard) => {
      if (shard.index >= EARLY_SHARDS) await options.data;
      if (failure) throw failure;
      const folder = folders[shard.index]!;
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const child = fork(fileURLToPath(new URL('./render-shard.ts', import.meta.url)), [], {
        cwd: folder,
        env: {
          ...process.env,
          KB_SHARD: `${shard.index}/${count}`,
          KB_DATA: dataDir,
          KB_OUT: outDir,
          KB_ASTRO_CACHE: join(folder, 'astro-cache'),
          // Every process meets the same warnings: one says them.
          KB_LOG_LEVEL: options.quiet || shard.index > 0 ? 'error' : 'warn',
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'advanced',
        // A larger young generation, where each page's short-lived strings and objects
        // die: half the pages of 10,000 articles rendered in 19.0 s instead of 19.5 s.
        execArgv: [`--max-old-space-size=${heapLimit}`, '--max-semi-space-size=32'],
      });
      children.push(child);
      child.on('message', (message: FedPage[] | typeof WANTS_DATA) => {
        if (message === WANTS_DATA) {
          options.data.then(
            () => child.connected && child.send(DATA_READY, ignoreClosed),
            () => {},
          );
          return;
        }
        // One answer for the pages of a message: how many the process may render more.
        Promise.all(message.map((fed) => options.page(shard.index, fed))).then(
          () => child.connected && message.length && child.send(message.length, ignoreClosed),
          (error: Error) => {
            failure ??= error;
            stopAll();
          },
        );
      });
      return new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          if (code === 0) {
            options.done(shard.index);
            resolve();
          } else {
            stopAll();
            failure ??= new Error(
              `render process ${shard.index + 1} of ${count} ` +
                (signal
                  ? `was stopped (${signal})`
                  : `failed (exit code ${code}); its error is above`),
            );
            reject(failure);
          }
        });
      });
    });
    await Promise.all(runs);
  } finally {
    process.off('exit', stopAll);
    stopAll();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
}
