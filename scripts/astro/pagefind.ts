/**
 * `dossierPagefind`: an Astro integration that builds the search index with Pagefind's
 * Node API (`createIndex` → add pages → `writeFiles`, `close()` in `finally`; any
 * reported error fails the build), as Starlight's integration does.
 *
 * Pages are indexed while Astro renders them: `src/middleware.ts` hands each rendered
 * page that has a `data-pagefind-body` to the index (`addHTMLFile`, the same HTML that
 * is written to disk), and Pagefind's own process indexes it on another core while
 * Astro goes on rendering. At `astro:build:done` only the writing is left.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Where the middleware finds the index of the build in progress. */
const FEED = Symbol.for('dossier.pagefind.feed');

/** How many pages Pagefind may have waiting before rendering waits for it. */
const MAX_BEHIND = 64;

interface Feed {
  add(pathname: string, content: string): Promise<void>;
}

/**
 * Hands a rendered page (its URL path, with the base) to the index being built, if any;
 * resolves once Pagefind is not too far behind.
 */
export async function feedRenderedPage(pathname: string, content: string): Promise<void> {
  await (globalThis as { [FEED]?: Feed })[FEED]?.add(pathname, content);
}

/**
 * The search index as two integrations, to be placed around others that write files
 * Pagefind does not read (redirect pages): `index` adds the pages and starts Pagefind
 * writing its files, `written` waits for that to finish, so the two overlap.
 */
export function dossierPagefind(): { index: AstroIntegration; written: AstroIntegration } {
  let index: Index | undefined;
  let base = '/';
  let pending: Array<ReturnType<Index['addHTMLFile']>> = [];
  let writing: Promise<number> | undefined;
  const release = async () => {
    delete (globalThis as { [FEED]?: Feed })[FEED];
    pending = [];
    index = undefined;
    writing = undefined;
    await pagefind.close();
  };
  /** Waits for every page fed while rendering to be indexed, then writes the index. */
  const finish = async (root: string): Promise<number> => {
    if (!index) throw new Error('Pagefind was not started');
    for (const added of await Promise.all(pending))
      if (added.errors.length)
        throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${root}/pagefind` });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return pending.length;
  };
  return {
    index: {
      name: 'dossier-pagefind',
      hooks: {
        'astro:config:done': ({ config }) => {
          base = config.base.replace(/\/?$/, '/');
        },
        'astro:build:start': async () => {
          const created = await pagefind.createIndex({});
          if (!created.index)
            throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
          index = created.index;
          // Pagefind's URLs are relative to the site's root, as when it reads the folder.
          // Rendering waits while Pagefind is far behind, so pages never pile up in memory.
          const feed: Feed = {
            add: async (pathname, content) => {
              if (!pathname.startsWith(base)) return;
              const sourcePath = `${pathname.slice(base.length)}index.html`;
              const added = index!.addHTMLFile({ sourcePath, content });
              // Pagefind answers in order: waiting for the page MAX_BEHIND back bounds the queue.
              const behind = pending.push(added) - 1 - MAX_BEHIND;
              if (behind >= 0) await pending[behind];
            },
          };
          (globalThis as { [FEED]?: Feed })[FEED] = feed;
        },
        'astro:build:done': ({ dir }) => {
          writing = finish(fileURLToPath(dir));
          // Awaited by `written`; until then a failure must not count as unhandled.
          writing.catch(() => {});
        },
      },
    },
    written: {
      name: 'dossier-pagefind-written',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          try {
            if (!writing) throw new Error('Pagefind was not started');
            logger.info(`indexed ${await writing} pages`);
          } finally {
            await release();
          }
        },
      },
    },
  };
}
