/**
 * The one module that turns ids into URLs, honouring `base`. No page builds a URL by
 * string concatenation.
 */
import type { EntityType } from './schema.ts';

/** URL folder of each entity type (DESIGN.md, "Entity types and URLs"). */
export const TYPE_FOLDERS: Record<EntityType, string> = {
  person: 'people',
  organization: 'organizations',
  site: 'sites',
  campaign: 'campaigns',
  place: 'places',
  event: 'events',
};

/** Plural display labels for each type. */
export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  site: { one: 'Website', many: 'Websites' },
  campaign: { one: 'Campaign', many: 'Campaigns' },
  place: { one: 'Place', many: 'Places' },
  event: { one: 'Event', many: 'Events' },
};

export interface Urls {
  /** A site path with the base prepended: `home()` → `/kb/`. */
  home(): string;
  entity(type: EntityType, slug: string): string;
  /** Page `n` (2 or more) of an entity's mentions: `/people/x/mentions/2/`. */
  mentions(entityPath: string, n: number): string;
  typeIndex(type: EntityType): string;
  /** The type's index, most mentioned first: `/by-mentions/people/`. */
  typeIndexByMentions(type: EntityType): string;
  article(slug: string, paragraph?: string): string;
  articles(): string;
  search(): string;
  /** The page listing every entity of one name (`/disambiguation/jordan/`). */
  disambiguation(slug: string): string;
  asset(path: string): string;
  /** Absolute URL when the site origin is known. */
  absolute(path: string): string | undefined;
}

/** Path builders for a site served under `base` (which starts and ends with `/`). */
export function createUrls(base: string, site?: string): Urls {
  const at = (path: string) => base + path.replace(/^\/+/, '');
  return {
    home: () => base,
    entity: (type, slug) => at(`${TYPE_FOLDERS[type]}/${encodeURIComponent(slug)}/`),
    mentions: (entityPath, n) => `${entityPath}mentions/${n}/`,
    typeIndex: (type) => at(`${TYPE_FOLDERS[type]}/`),
    // A folder of its own: no slug (`[a-z0-9-]`) of an entity type's folder can take it.
    typeIndexByMentions: (type) => at(`by-mentions/${TYPE_FOLDERS[type]}/`),
    article: (slug, paragraph) =>
      at(`articles/${encodeURIComponent(slug)}/`) + (paragraph ? `#${paragraph}` : ''),
    articles: () => at('articles/'),
    search: () => at('search/'),
    disambiguation: (slug) => at(`disambiguation/${encodeURIComponent(slug)}/`),
    asset: (path) => at(path),
    absolute: (path) => (site ? site + path : undefined),
  };
}

/** A site path without the base: `/kb/people/x/` → `people/x/`. */
export function stripBase(path: string, base: string): string {
  return decodeURIComponent(
    path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''),
  );
}
