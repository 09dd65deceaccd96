/**
 * The CSL-JSON items Dossier cites, built from prepared page data. Pure functions.
 *
 * An entity page is an entry in a reference work (CSL `entry-encyclopedia`, Zotero's
 * `encyclopediaArticle`): no author (a knowledge base built by software has no personal
 * author, and a group author would be cited as if it wrote the sources), the site as the
 * container ("In Dossier"), the build date as the date of this version, and its URL.
 * An article page cites the original news article (`article-newspaper`).
 */
import type { ArticleRef } from '../core/views.ts';

/** The fields of a CSL-JSON item that Dossier writes (CSL 1.0.2 variables). */
export interface CslItem {
  id: string;
  type: 'entry-encyclopedia' | 'article-newspaper' | 'webpage';
  'citation-key': string;
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: Array<{ given?: string; family?: string; literal?: string }>;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
}

/** What a citation needs to know about the site (from `scripts/core/config.ts`). */
export interface SiteInfo {
  title: string;
  publisher: string;
  /** Absolute origin (KB_SITE), when configured. */
  url?: string;
  /** ISO time of the build. */
  generated?: string;
}

/** `2022-09-03` or an ISO time → CSL date parts; undefined when unparseable. */
export function dateParts(date: string | undefined): { 'date-parts': number[][] } | undefined {
  const m = date && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter(Boolean).map(Number)] };
}

/** A BibTeX-safe key (letters, digits, `_`): citation-js drops keys with `-` or `:`. */
export function citationKey(site: string, id: string): string {
  const word = site.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '') || 'kb';
  return `${word}_${id.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_')}`.replace(/_+$/, '');
}

/** The absolute URL of a site path, when the origin is configured. */
export function absoluteUrl(site: SiteInfo, path: string): string | undefined {
  return site.url ? site.url + path : undefined;
}

/**
 * The citation item of an entity page. A versioned page is dated by the day its content
 * last changed; its permanent link is in the cite box. The version itself stays out of
 * the item: items that differ only in title and URL share one formatting per style
 * (`template.ts`), and a hash per page would make every item differ.
 */
export function entityItem(
  entity: { id: string; name: string; path: string; version?: { date: string } },
  site: SiteInfo,
): CslItem {
  return {
    id: entity.id,
    type: 'entry-encyclopedia',
    'citation-key': citationKey(site.title, entity.id),
    title: entity.name,
    'container-title': site.title,
    publisher: site.publisher,
    issued: dateParts(entity.version?.date ?? site.generated),
    URL: absoluteUrl(site, entity.path),
    language: 'en',
  };
}

/**
 * The citation item of a story page: like an entity page, an entry in the site (the
 * versions it gathers are cited on their own article pages).
 */
export function storyItem(
  story: { id: string; title: string; path: string },
  site: SiteInfo,
): CslItem {
  return entityItem({ id: `story/${story.id}`, name: story.title, path: story.path }, site);
}

/** "First Last" → CSL name; one word (or "Staff") stays a literal. */
export function cslName(name: string): { given?: string; family?: string; literal?: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name.trim() };
  return { given: parts.slice(0, -1).join(' '), family: parts.at(-1)! };
}

/** The citation item of an article page: the original news article when known. */
export function articleItem(article: ArticleRef & { language?: string }, site: SiteInfo): CslItem {
  return {
    id: `article/${article.id}`,
    type: article.publisher ? 'article-newspaper' : 'webpage',
    'citation-key': citationKey(site.title, `article_${article.id}`),
    title: article.title,
    ...(article.publisher ? { 'container-title': article.publisher } : {}),
    ...(article.authors.length ? { author: article.authors.map(cslName) } : {}),
    issued: dateParts(article.date),
    URL: article.url ?? absoluteUrl(site, article.path),
    language: article.language ?? 'en',
  };
}
