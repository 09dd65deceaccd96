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

/** How many pages Pagefind may have waiting, or a render process unanswered, before rendering waits. */
export const MAX_BEHIND = 64;

/**
 * How many pages of the list being consumed a render process may have waiting for
 * another's before it waits too (`orderedFeed`): enough that the first process renders
 * on while the second bundles the site (some 1.5 s, 1,000 pages), or pauses, rather than
 * at half speed. At a few kilobytes of search input a page, a few megabytes.
 */
export const MAX_AHEAD = 1024;

/** How many rendered pages a render process sends the build process per message (at most). */
export const PAGES_PER_MESSAGE = 16;

/** Where a page stands among its route's pages (`src/lib/site.ts`, `shardRoutes`). */
export interface PagePosition {
  list: string;
  index: number;
  count: number;
}

/** A route list: its name and how many pages it has, in all render processes together. */
export interface RouteList {
  name: string;
  count: number;
}

/** One rendered page of a route list, and what Pagefind gets of it if it is searchable. */
export interface FedPage {
  position: PagePosition;
  page?: { pathname: string; content: string };
  /** The page's URL path (with the base) and the SHA-256 of its bytes, for the service worker. */
  written?: { pathname: string; sha256: string };
  /** The process's route lists in the order Astro asked for them; with its first page. */
  lists?: RouteList[];
}

/** What the middleware hands pages to: the index here, or the process that holds it. */
export interface Feed {
  /** Resolves once the page's process may render more. */
  add(fed: FedPage): Promise<void>;
}

/** Installs the feed the middleware of this process hands its pages to. */
export function setFeed(feed: Feed): void {
  (globalThis as { [FEED]?: Feed })[FEED] = feed;
}

/** Whether this process has sent its route lists (with its first page). */
let listsSent = false;

/**
 * Hands a rendered page of a route list to the search feed of the build in progress,
 * if any: with its HTML (URL path with the base) when it is searchable, as a place in
 * the order when not; `lists` are this process's route lists; `written`, the hash of
 * the bytes written. Resolves once the feed is not too far behind.
 */
export async function feedRenderedPage(
  position: PagePosition,
  lists: RouteList[],
  page?: { pathname: string; content: string },
  written?: FedPage['written'],
): Promise<void> {
  const feed = (globalThis as { [FEED]?: Feed })[FEED];
  if (!feed) return;
  const first = !listsSent;
  listsSent = true;
  await feed.add({
    position,
    ...(first && { lists }),
    ...(page && { page: { pathname: page.pathname, content: searchInput(page.content) } }),
    ...(written && { written }),
  });
}

/**
 * Pages from `shards` processes, each rendering the pages whose index in their route's
 * list is its own modulo `shards` (`shardRoutes`), several at a time and finishing them
 * in any order, handed to `consume` in one order whatever the number of processes: list
 * after list as Astro asked for them (the order it renders them in), each in index
 * order. Pages that come early wait here. `add` resolves once that process has fewer
 * than `ahead` pages of the list being consumed waiting (pages of later lists never
 * hold it up, so a process can never wait on itself); `end` says a process has rendered
 * everything; `drained` resolves once every page has been consumed, and rejects when
 * one never came.
 */
export function orderedFeed(
  shards: number,
  consume: (page: FedPage['page'] & {}) => Promise<void>,
  ahead = MAX_AHEAD,
) {
  /** Each process's pages waiting, by list (its ordinal), by index in it. */
  const waitingPages = Array.from(
    { length: shards },
    () => new Map<number, Map<number, FedPage>>(),
  );
  const inList = (shard: number, list: number) => {
    const pages = waitingPages[shard]!;
    if (!pages.has(list)) pages.set(list, new Map());
    return pages.get(list)!;
  };
  const waiting: Array<Array<() => void>> = Array.from({ length: shards }, () => []);
  const ended = new Set<number>();
  let lists: RouteList[] | undefined;
  const ordinals = new Map<string, number>();
  let ordinal = 0;
  let next = 0;
  let pumping = false;
  let failure: Error | undefined;
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const drained = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  drained.catch(() => {});
  const wake = (shard: number) => {
    for (const resume of waiting[shard]!.splice(0)) resume();
  };
  const fail = (error: Error) => {
    failure ??= error;
    settle!.reject(failure);
    for (let shard = 0; shard < shards; shard++) wake(shard);
  };
  /** Pages of the list being consumed (or an earlier one) that `shard` has waiting. */
  const behind = (shard: number) => {
    let pages = 0;
    for (const [list, held] of waitingPages[shard]!) if (list <= ordinal) pages += held.size;
    return pages;
  };
  const done = () => !lists || ordinal === lists.length;
  const finished = () => {
    if (!done() || ended.size < shards) return;
    const left = waitingPages.findIndex((pages) => [...pages.values()].some((p) => p.size));
    if (left === -1) settle!.resolve();
    else fail(new Error(`search feed: render process ${left + 1} sent pages no list expects`));
  };
  async function pump(): Promise<void> {
    if (pumping || failure) return;
    pumping = true;
    try {
      while (lists) {
        while (ordinal < lists.length && next >= lists[ordinal]!.count) {
          ordinal++;
          next = 0;
        }
        if (done()) break;
        const owner = next % shards;
        const fed = inList(owner, ordinal).get(next);
        if (!fed) {
          if (ended.has(owner))
            throw new Error(
              `search feed: page ${next + 1} of ${lists[ordinal]!.count} in ${lists[ordinal]!.name} never came from render process ${owner + 1}`,
            );
          break;
        }
        inList(owner, ordinal).delete(next);
        next++;
        wake(owner);
        if (fed.page) await consume(fed.page);
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
      if (fed.lists) {
        if (!lists) {
          lists = fed.lists;
          lists.forEach((list, i) => ordinals.set(list.name, i));
        } else if (JSON.stringify(fed.lists) !== JSON.stringify(lists))
          throw new Error(`search feed: render process ${shard + 1} has other route lists`);
      }
      const list = ordinals.get(fed.position.list);
      if (list === undefined)
        throw new Error(`search feed: ${fed.position.list} is not a route list Astro asked for`);
      inList(shard, list).set(fed.position.index, fed);
      void pump();
      while (!failure && behind(shard) >= ahead)
        await new Promise<void>((resume) => waiting[shard]!.push(resume));
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
 * The page as Pagefind needs it, so that the index gets the same entries from a fraction
 * of the bytes (every byte is encoded, piped and parsed): only the `<html>` start tag (its
 * language) and the elements marked `data-pagefind-body`, which hold everything Pagefind
 * reads on Dossier's pages (title, filters, metadata), without the head, the site's
 * header and footer; and in them, every element marked `data-pagefind-ignore` taken out
 * with its contents (a page's citation box, references and mention contexts are most of
 * it). An element ignored "for indexing" only (the default) stays when it holds a
 * filter, metadata or sort key, which Pagefind still reads there; one whose end cannot
 * be found is left as it is, and so is a page with a body whose end cannot be found.
 * `test/build/search-input.test.ts` checks that the index is byte for byte the same.
 */
export function searchInput(html: string): string {
  return withoutIgnored(bodiesOnly(html));
}

/** The `<html>` start tag and the `data-pagefind-body` elements, if all can be found. */
function bodiesOnly(html: string): string {
  const root = /<html\b[^>]*>/i.exec(html)?.[0];
  let out = '';
  for (let at = html.indexOf('data-pagefind-body'); at !== -1;) {
    const start = html.lastIndexOf('<', at);
    const name = /^<([a-z][a-z0-9-]*)/.exec(html.slice(start, start + 16))?.[1];
    // Only as an attribute of the start tag it is in: article text may name it too.
    if (/\s/.test(html[at - 1] ?? '') && html.indexOf('>', start) > at && name) {
      const end = VOID.has(name) ? -1 : elementEnd(html, start, name);
      if (end === -1) return html;
      out += html.slice(start, end);
      at = html.indexOf('data-pagefind-body', end);
    } else at = html.indexOf('data-pagefind-body', at + 1);
  }
  return root && out ? `${root}<body>${out}</body></html>` : html;
}

/** The page without its `data-pagefind-ignore` elements (see `searchInput`). */
function withoutIgnored(html: string): string {
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

/**
 * At most this many fragment files (Pagefind's `maxFragments`): a larger site's pages'
 * fragments (a search result's text, one file a page) are bundled in groups, a few a
 * file. At 10,000 articles, 28,600 files of some 430 bytes become 4,100 of some 1.9 KB:
 * a quarter of the site's files where a host counts them (Cloudflare Pages takes 20,000
 * on its free plan), a fraction of the kernel time Pagefind's writing spends on them at
 * the end of the build, and a result's text still a small download. A smaller site keeps
 * a file a page.
 */
export const MAX_FRAGMENT_FILES = 4096;

/** The search index of one build, fed by its render processes (`shards.ts`). */
export interface SearchIndex {
  /** A page from render process `shard`; resolves once that process may render more. */
  add(shard: number, fed: FedPage): Promise<void>;
  /** Render process `shard` has sent all its pages. */
  end(shard: number): void;
  /**
   * Waits for every page to be indexed, then has Pagefind write the index under `root`.
   * Resolves as soon as the writing has started, with its end (`done`): this process is
   * free for other work while Pagefind writes.
   */
  write(root: string): Promise<{ done: Promise<void> }>;
  close(): Promise<void>;
}

/**
 * Starts Pagefind (its Node API: `createIndex` → add pages → `writeFiles`, `close()` at
 * the end; any error it reports fails the build, as in Starlight's integration) for a
 * site under `base` rendered by `shards` processes, with at most `maxFragments`
 * fragment files.
 */
/** The language of the site's own pages (`Base.astro`'s default `lang`). */
export const SITE_LANGUAGE = 'en';

export async function startSearchIndex(
  shards: number,
  base: string,
  maxFragments = MAX_FRAGMENT_FILES,
): Promise<SearchIndex> {
  // One index for every language, named by the site's (the search page's `lang`): by
  // default Pagefind makes one per page language and the search page loads only its own,
  // so an article in German was never found; and the tag never reaches a file name.
  const created = await pagefind.createIndex({ maxFragments, forceLanguage: SITE_LANGUAGE });
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
      // Sent now, not after further turns of the event loop: whatever this process does
      // next (synchronous work, in a build) would hold the message back.
      const done = index.writeFiles({ outputPath: `${dir}/pagefind` }).then((written) => {
        if (written.errors.length)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      });
      done.catch(() => {});
      return { done };
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
