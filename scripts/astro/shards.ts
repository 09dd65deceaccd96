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
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../config.ts';
import type { FedPage } from './pagefind.ts';

/** Which share of the pages this process renders: `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Below this many pages a second process costs more (its own Astro start) than it saves. */
const SHARD_FROM_PAGES = 3000;
/** Each render process holds an Astro build in memory: at most this many at once. */
const MAX_SHARDS = 2;

/**
 * How many processes render a site of `pages` pages: `KB_RENDER_SHARDS` if set, else
 * one per core (at most `MAX_SHARDS`) for a large site and one for a small one.
 */
export function renderShards(pages: number, env = process.env): number {
  const asked = env.KB_RENDER_SHARDS;
  if (asked !== undefined) {
    const count = Number(asked);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(
        `KB_RENDER_SHARDS must be a whole number of processes, 1 or more: "${asked}"`,
      );
    return count;
  }
  return pages < SHARD_FROM_PAGES ? 1 : Math.min(MAX_SHARDS, availableParallelism());
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

/**
 * The old-space limit of each render process: twice what it is expected to hold (Astro
 * and Vite, about 300 MB, and `site.json`, parsed into some 3.5 times its size). V8
 * grows a heap it is not made to collect well past what is live: two render processes
 * would otherwise take a gigabyte and more each.
 */
function heapLimitMb(dataDir: string): number {
  const index = join(dataDir, 'site.json');
  const indexMb = existsSync(index) ? statSync(index).size / 1e6 : 0;
  return Math.round(2 * (300 + 3.5 * indexMb));
}

/** Removes the folders of render processes whose build was killed (`<pid>-<shard>`). */
function removeAbandoned(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const pid = Number(name.split('-')[0]);
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

export interface RenderOptions {
  /** Where the site goes: every process renders into it. */
  outDir: string;
  /** The emitted page data the pages are rendered from (`KB_DATA`). */
  dataDir: string;
  count: number;
  /** Gets every page a process sends; resolves once that process may send more. */
  page(shard: number, fed: FedPage): Promise<void>;
  /** A process has sent all its pages. */
  done(shard: number): void;
  quiet?: boolean;
}

/**
 * Renders the site in `count` processes (`render-shard.ts`), each an Astro build of its
 * share, all started at once; resolves once all have finished and their pages are in
 * `outDir`. One that fails stops the others, and the error names it.
 */
export async function renderInProcesses(options: RenderOptions): Promise<void> {
  const { outDir, dataDir, count } = options;
  const heapLimit = heapLimitMb(dataDir);
  const shards = Array.from({ length: count }, (_, index) => ({ index, count }));
  const folders = shards.map(processFolder);
  removeAbandoned(dirname(folders[0]!));
  const children: ChildProcess[] = [];
  let failure: Error | undefined;
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
  process.once('exit', stopAll);
  try {
    const runs = shards.map((shard) => {
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
        execArgv: [`--max-old-space-size=${heapLimit}`],
      });
      children.push(child);
      child.on('message', (fed: FedPage) => {
        options.page(shard.index, fed).then(
          () => child.connected && child.send('ack'),
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
