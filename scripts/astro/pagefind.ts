/**
 * The search index, built with Pagefind's Node API while the site renders.
 *
 * `src/middleware.ts` hands each rendered page that has a `data-pagefind-body` to the
 * feed of its render process (`setFeed`), which sends it to the build process
 * (`shards.ts`), where Pagefind's own process indexes it (`addHTMLFile`, the HTML that
 * is written to disk less its ignored parts) while the pages go on rendering. Once they
 * are all written only the writing of the index is left.
 *
 * Pagefind numbers pages in the order it gets them, and its files depend on that order.
 * The pages of several render processes are put back in the order a single process
 * renders them (`orderedFeed`), so the index is the same byte for byte however many
 * processes rendered the site.
 */
import * as pagefind from 'pagefind';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Where the middleware finds the search feed of the build in progress. */
const FEED = Symbol.for('dossier.pagefind.feed');

/** How many pages Pagefind, or the feed's reordering, may have waiting before rendering waits. */
export const MAX_BEHIND = 64;

/** Where a page stands among its route's pages (`src/lib/site.ts`, `shardRoutes`). */
export interface PagePosition {
  list: string;
  index: number;
  count: number;
}

/** One rendered page of a route list, and what Pagefind gets of it if it is searchable. */
export interface FedPage {
  position: PagePosition;
  page?: { pathname: string; content: string };
}

/** What the middleware hands pages to: the index here, or the process that holds it. */
export interface Feed {
  /** Resolves once the page's process may render more. */
  add(fed: FedPage): Promise<void>;
}

/** Installs the feed the middleware of this process hands its pages to. */
export function setFeed(feed: Feed | undefined): void {
  if (feed) (globalThis as { [FEED]?: Feed })[FEED] = feed;
  else delete (globalThis as { [FEED]?: Feed })[FEED];
}

/**
 * Hands a rendered page of a route list to the search feed of the build in progress,
 * if any: with its HTML (URL path with the base) when it is searchable, as a place in
 * the order when not. Resolves once the feed is not too far behind.
 */
export async function feedRenderedPage(
  position: PagePosition,
  page?: { pathname: string; content: string },
): Promise<void> {
  const feed = (globalThis as { [FEED]?: Feed })[FEED];
  if (!feed) return;
  await feed.add({
    position,
    ...(page && { page: { pathname: page.pathname, content: searchInput(page.content) } }),
  });
}

/**
 * Pages from `shards` processes, each rendering the pages whose index in their route's
 * list is its own modulo `shards` (`shardRoutes`), handed to `consume` in the order one
 * process renders them: route after route as the first process meets them (it renders
 * every list's first page), each list in index order. `add` resolves once that shard's
 * queue is short again; `end` says a shard has rendered everything; `drained` resolves
 * once every page has been consumed, and rejects when one never came.
 */
export function orderedFeed(
  shards: number,
  consume: (page: FedPage['page'] & {}) => Promise<void>,
) {
  const queues: FedPage[][] = Array.from({ length: shards }, () => []);
  const waiting: Array<Array<() => void>> = Array.from({ length: shards }, () => []);
  const ended = new Set<number>();
  let list: { name: string; count: number } | undefined;
  let next = 0;
  let pumping = false;
  let failure: Error | undefined;
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const drained = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  drained.catch(() => {});

  const fail = (error: Error) => {
    failure ??= error;
    settle!.reject(failure);
    for (const queue of waiting) for (const wake of queue.splice(0)) wake();
  };
  const finished = () => {
    if (list || ended.size < shards) return;
    const left = queues.findIndex((q) => q.length);
    if (left === -1) settle!.resolve();
    else fail(new Error(`search feed: render process ${left + 1} sent pages out of order`));
  };
  async function pump(): Promise<void> {
    if (pumping || failure) return;
    pumping = true;
    try {
      for (;;) {
        if (!list) {
          const head = queues[0]![0];
          if (!head) break;
          if (head.position.index !== 0)
            throw new Error(`search feed: ${head.position.list} does not start at its first page`);
          list = { name: head.position.list, count: head.position.count };
          next = 0;
        }
        const owner = next % shards;
        const head = queues[owner]![0];
        if (!head) {
          if (ended.has(owner))
            throw new Error(
              `search feed: page ${next + 1} of ${list.count} in ${list.name} never came from render process ${owner + 1}`,
            );
          break;
        }
        if (head.position.list !== list.name || head.position.index !== next)
          throw new Error(
            `search feed: expected page ${next + 1} of ${list.name}, got page ${head.position.index + 1} of ${head.position.list}`,
          );
        queues[owner]!.shift();
        if (queues[owner]!.length < MAX_BEHIND)
          for (const wake of waiting[owner]!.splice(0)) wake();
        if (head.page) await consume(head.page);
        if (++next === list.count) list = undefined;
      }
      finished();
    } catch (error) {
      fail(error as Error);
    } finally {
      pumping = false;
    }
  }
  return {
    async add(shard: number, fed: FedPage): Promise<void> {
      if (failure) throw failure;
      queues[shard]!.push(fed);
      void pump();
      if (queues[shard]!.length >= MAX_BEHIND)
        await new Promise<void>((wake) => waiting[shard]!.push(wake));
      if (failure) throw failure;
    },
    end(shard: number): void {
      ended.add(shard);
      void pump();
    },
    drained,
  };
}

/** Elements that have no end tag, so an ignored one is just its tag (and kept). */
const VOID = new Set('area br col embed hr img input link meta source wbr'.split(' '));
/** What Pagefind still reads inside an element that is ignored for indexing only. */
const KEPT_INSIDE = /data-pagefind-(filter|meta|sort|body)/;

/**
 * The page as Pagefind needs it: every element marked `data-pagefind-ignore` taken out
 * with its contents, so that the index gets the same entries from a fraction of the
 * bytes (a page's citation box, references and mention contexts are most of it, and
 * every byte is encoded, piped and parsed). An element ignored "for indexing" only
 * (the default) stays when it holds a filter, metadata or sort key, which Pagefind
 * still reads there; one whose end cannot be found is left as it is.
 * `test/build/search-input.test.ts` checks that the index is byte for byte the same.
 */
export function searchInput(html: string): string {
  let out = '';
  let from = 0;
  let at = html.indexOf('data-pagefind-ignore');
  while (at !== -1) {
    const start = html.lastIndexOf('<', at);
    const name = /^<([a-z][a-z0-9-]*)/.exec(html.slice(start, start + 16))?.[1];
    // Only as an attribute of the start tag it is in: article text may name it too.
    const attribute = /\s/.test(html[at - 1] ?? '') && html.indexOf('>', start) > at;
    const end =
      name && attribute && !VOID.has(name) && start >= from ? elementEnd(html, start, name) : -1;
    const all = /^data-pagefind-ignore=["']?all/.test(html.slice(at, at + 27));
    if (end !== -1 && (all || !KEPT_INSIDE.test(html.slice(html.indexOf('>', at), end)))) {
      out += html.slice(from, start);
      from = end;
    }
    at = html.indexOf('data-pagefind-ignore', Math.max(from, at + 1));
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Where the element whose start tag begins at `start` ends (after its end tag), or -1. */
function elementEnd(html: string, start: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}[\\s>/]`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf('>', tag.index);
      return close === -1 ? -1 : close + 1;
    }
  }
  return -1;
}

/** The search index of one build, fed by its render processes (`shards.ts`). */
export interface SearchIndex {
  /** A page from render process `shard`; resolves once that process may render more. */
  add(shard: number, fed: FedPage): Promise<void>;
  /** Render process `shard` has sent all its pages. */
  end(shard: number): void;
  /** Waits for every page to be indexed, then writes the index under `root`; the page count. */
  write(root: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts Pagefind (its Node API: `createIndex` → add pages → `writeFiles`, `close()` at
 * the end; any error it reports fails the build, as in Starlight's integration) for a
 * site under `base` rendered by `shards` processes.
 */
export async function startSearchIndex(shards: number, base: string): Promise<SearchIndex> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  const index = created.index;
  const root = base.replace(/\/?$/, '/');
  const pending: Array<ReturnType<Index['addHTMLFile']>> = [];
  // Pagefind's URLs are relative to the site's root, as when it reads the folder.
  // Rendering waits while Pagefind is far behind, so pages never pile up in memory.
  const feed = orderedFeed(shards, async ({ pathname, content }) => {
    if (!pathname.startsWith(root)) return;
    const sourcePath = `${pathname.slice(root.length)}index.html`;
    // Pagefind answers in order: waiting for the page MAX_BEHIND back bounds the queue.
    const behind = pending.push(index.addHTMLFile({ sourcePath, content })) - 1 - MAX_BEHIND;
    if (behind >= 0) await pending[behind];
  });
  return {
    add: feed.add,
    end: feed.end,
    async write(dir) {
      await feed.drained;
      for (const added of await Promise.all(pending))
        if (added.errors.length)
          throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: `${dir}/pagefind` });
      if (written.errors.length)
        throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      return pending.length;
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
