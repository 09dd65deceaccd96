/**
 * The prepared site data (written by the emit stage into `<KB_DATA>/`): the small index
 * `site.json` is loaded once per build; each article and entity page reads its own view
 * from `pages.jsonl` when it renders (a getter on its props), and the contract `kb.json`
 * is read only when its route serializes it. Memory stays bounded at any corpus size.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { PageSlice, SiteIndex } from '../../scripts/pipeline/emit.ts';
import type { ArticleView, EntityView } from '../../scripts/pipeline/views.ts';
import { ROOT } from '../../scripts/config.ts';
import { ENTITY_TYPES, type EntityType, type KnowledgeBase } from '../../scripts/schema.ts';
import { TYPE_FOLDERS, TYPE_LABELS, createUrls } from '../../scripts/urls.ts';

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

const index = load();

/** A few recent views, in case a page asks for its view more than once. */
const recent = new Map<number, unknown>();

/** Reads one page's view from `pages.jsonl`. */
function readPage<T>([offset, length]: PageSlice): T {
  const cached = recent.get(offset);
  if (cached) return cached as T;
  const fd = openSync(join(DATA, 'pages.jsonl'), 'r');
  const bytes = Buffer.alloc(length);
  try {
    readSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
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
  // JSON.stringify calls toJSON: the kb.json route writes the whole contract, read now.
  kb: { ...index.kb, toJSON: () => JSON.parse(readFileSync(join(DATA, 'kb.json'), 'utf8')) },
};
export const urls = createUrls(site.site.base, site.site.url);

/**
 * The whole contract, read from `kb.json` each time it is asked for: only the few
 * whole-site pages (the network graph, the name list for search suggestions) need it.
 */
export function readKnowledgeBase(): KnowledgeBase {
  return JSON.parse(readFileSync(join(DATA, 'kb.json'), 'utf8')) as KnowledgeBase;
}

export const entityRoutes = index.entities.map(({ type, path, page }) => ({
  params: { folder: TYPE_FOLDERS[type], slug: path.split('/').at(-2)! },
  props: {
    get entity(): EntityView {
      return readPage<EntityView>(page);
    },
  },
}));

/** Frozen copies of earlier versions: `/<folder>/<slug>/v/<version>/`. */
export const archivedRoutes = index.archived.map(({ folder, slug, version, page }) => ({
  params: { folder, slug, version },
  props: {
    get entity(): EntityView {
      return readPage<EntityView>(page);
    },
  },
}));

export const typeRoutes = ENTITY_TYPES.map((type) => ({
  params: { folder: TYPE_FOLDERS[type] },
  props: { type, entries: site.indexes[type] },
}));

export const articleRoutes = index.articles.map(({ path, page }) => ({
  params: { slug: path.split('/').at(-2)! },
  props: {
    get article(): ArticleView {
      return readPage<ArticleView>(page);
    },
  },
}));

export function typeLabel(type: EntityType, plural = false): string {
  return plural ? TYPE_LABELS[type].many : TYPE_LABELS[type].one;
}

export { ENTITY_TYPES, TYPE_FOLDERS };
