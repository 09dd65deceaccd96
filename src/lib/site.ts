/**
 * The prepared site data, loaded once per build from `<KB_DATA>/site.json` (written by
 * the emit stage), and the routes computed from it at module level.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteData } from '../../scripts/pipeline/assemble.ts';
import { ROOT } from '../../scripts/config.ts';
import { ENTITY_TYPES, type EntityType } from '../../scripts/schema.ts';
import { TYPE_FOLDERS, TYPE_LABELS, createUrls } from '../../scripts/urls.ts';

function load(): SiteData {
  const file = join(process.env.KB_DATA || join(ROOT, '.kb'), 'site.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteData;
  } catch (error) {
    throw new Error(
      `${file} is missing or unreadable: run "npm run build", not "astro build" (${(error as Error).message})`,
    );
  }
}

export const site: SiteData = load();
export const urls = createUrls(site.site.base, site.site.url);

export const entityRoutes = site.entities.map((entity) => ({
  params: { folder: TYPE_FOLDERS[entity.type], slug: entity.path.split('/').at(-2)! },
  props: { entity },
}));

export const typeRoutes = ENTITY_TYPES.map((type) => ({
  params: { folder: TYPE_FOLDERS[type] },
  props: { type, entries: site.indexes[type] },
}));

export const articleRoutes = site.articles.map((article) => ({
  params: { slug: article.path.split('/').at(-2)! },
  props: { article },
}));

export function typeLabel(type: EntityType, plural = false): string {
  return plural ? TYPE_LABELS[type].many : TYPE_LABELS[type].one;
}

export { ENTITY_TYPES, TYPE_FOLDERS };
