/**
 * The prepared site data (written by the emit stage into `<KB_DATA>/`): the small index
 * `site.json` is loaded once per build; each article and entity page reads its own view
 * from `pages.jsonl` when it renders (a getter on its props), and the contract `kb.json`
 * is read only when its route serializes it. Memory stays bounded at any corpus size.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { PageSlice, SiteIndex } from '../../scripts/emit/index.ts';
import type { ArticleView, EntityView } from '../../scripts/core/views.ts';
import { ROOT } from '../../scripts/core/config.ts';
import { ENTITY_TYPES, type EntityType } from '../../scripts/core/schema.ts';
import { TYPE_FOLDERS, TYPE_LABELS, createUrls } from '../../scripts/core/urls.ts';
import { currentShard, waitForPageData } from '../../scripts/astro/shards.ts';
import type { PagePosition, RouteList } from '../../scripts/astro/pagefind.ts';

const DATA = process.env.KB_DATA || join(ROOT, '.kb');

function load(): SiteIndex {
  const file = join(DATA, 'site.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteIndex;
  } catch (error) {
    throw new Error(
      `${file} is missing or unreadable: run "npm run build", not "astro build" (${(error as Error).message})`,
    );
  }
}

// A render process starts before the data is written (scripts/astro/render-shard.ts).
await waitForPageData();
const index = load();

/** A few recent views, in case a page asks for its view more than once. */
const recent = new Map<number, unknown>();

/** `pages.jsonl`, open for the life of the process (a render process reads every line of its share). */
let pages: number | undefined;

/** Reads one page's view from `pages.jsonl`. */
function readPage<T>([offset, length]: PageSlice): T {
  const cached = recent.get(offset);
  if (cached) return cached as T;
  pages ??= openSync(join(DATA, 'pages.jsonl'), 'r');
  const bytes = Buffer.allocUnsafe(length);
  readSync(pages, bytes, 0, length, offset);
  const view = JSON.parse(bytes.toString('utf8')) as T;
  recent.set(offset, view);
  if (recent.size > 16) recent.delete(recent.keys().next().value!);
  return view;
}

export const site = {
  site: index.site,
  counts: index.counts,
  latest: index.latest,
  indexes: index.indexes,
  storyCitations: index.storyCitations ?? {},
  articles: index.articles,
  entities: index.entities,
  disambiguation: index.disambiguation,
  kb: index.kb,
};
export const urls = createUrls(site.site.base, site.site.url);

/**
 * A whole-site file as the emit stage wrote it (`kb.json`, `names.json`, `network.json`):
 * the few pages that use one read it once.
 */
export function dataFile(name: 'kb.json' | 'names.json' | 'network.json') {
  return readFileSync(join(DATA, name));
}

/** This process's share of the pages (`scripts/astro/shards.ts`). */
const shard = currentShard();

/**
 * Whether this process renders the single pages, those not in a route list (the home
 * page, `kb.json`, the network): the first render process only (`src/middleware.ts`).
 */
export const rendersSinglePages = shard.index === 0;

/** The route lists, in the order Astro asked for their pages (`shardRoutes`). */
const lists: RouteList[] = [];

/** This process's route lists so far: all of them once Astro renders its first page. */
export const routeLists = (): RouteList[] => lists;

/**
 * The routes of one list of pages that this process renders (those whose index is its
 * own modulo the number of render processes; all of them when it is the only one),
 * each with its position in the list: the search feed puts pages back in list order
 * by it (`src/middleware.ts`). Every route with many pages goes through here, from its
 * `getStaticPaths`: Astro asks for every route's paths, one route after another, before
 * it renders, and renders them in that order, which the lists keep.
 */
export function shardRoutes<T, R>(
  list: string,
  items: readonly T[],
  route: (item: T, position: PagePosition) => R,
): R[] {
  if (!lists.some((known) => known.name === list)) lists.push({ name: list, count: items.length });
  const routes: R[] = [];
  for (let index = shard.index; index < items.length; index += shard.count)
    routes.push(route(items[index]!, { list, index, count: items.length }));
  return routes;
}

export const entityRoutes = () =>
  shardRoutes('entities', index.entities, ({ type, path, page, mentionStarts }, position) => ({
    params: { folder: TYPE_FOLDERS[type], slug: path.split('/').at(-2)! },
    props: {
      position,
      mentionStarts,
      get entity(): EntityView {
        return readPage<EntityView>(page);
      },
    },
  }));

/** Entities whose mentions take more than one page, each page after the first. */
const mentionPages = index.entities.flatMap((entry) =>
  Array.from({ length: (entry.mentionStarts?.length ?? 1) - 1 }, (_, i) => ({ entry, n: i + 2 })),
);

/** Further pages of a hub's mentions: `/<folder>/<slug>/mentions/<n>/`. */
export const mentionRoutes = () =>
  shardRoutes('mentions', mentionPages, ({ entry, n }, position) => ({
    params: { folder: TYPE_FOLDERS[entry.type], slug: entry.path.split('/').at(-2)!, n: String(n) },
    props: {
      position,
      n,
      starts: entry.mentionStarts!,
      get entity(): EntityView {
        return readPage<EntityView>(entry.page);
      },
    },
  }));

/** Every further page of mentions, for the sitemap. */
export const mentionPaths = () => mentionPages.map(({ entry, n }) => urls.mentions(entry.path, n));

/** Frozen copies of earlier versions: `/<folder>/<slug>/v/<version>/`. */
export const archivedRoutes = () =>
  shardRoutes('archived', index.archived, ({ folder, slug, version, page }, position) => ({
    params: { folder, slug, version },
    props: {
      position,
      get entity(): EntityView {
        return readPage<EntityView>(page);
      },
    },
  }));

export const typeRoutes = () =>
  shardRoutes('types', ENTITY_TYPES, (type, position) => ({
    params: { folder: TYPE_FOLDERS[type] },
    props: { position, type, entries: site.indexes[type] },
  }));

/** The same lists, most mentioned first (ties A–Z): `/by-mentions/<folder>/`. */
export const typeByMentionsRoutes = () =>
  shardRoutes('types-by-mentions', ENTITY_TYPES, (type, position) => ({
    params: { folder: TYPE_FOLDERS[type] },
    props: {
      position,
      type,
      entries: [...site.indexes[type]].sort((a, b) => b.mentions - a.mentions),
    },
  }));

export const articleRoutes = () =>
  shardRoutes('articles', index.articles, ({ path, page }, position) => ({
    params: { slug: path.split('/').at(-2)! },
    props: {
      position,
      get article(): ArticleView {
        return readPage<ArticleView>(page);
      },
    },
  }));

export function typeLabel(type: EntityType, plural = false): string {
  return plural ? TYPE_LABELS[type].many : TYPE_LABELS[type].one;
}

export { ENTITY_TYPES, TYPE_FOLDERS };
