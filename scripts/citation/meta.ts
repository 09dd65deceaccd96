/**
 * Head metadata that reference managers and search engines read, for entity and article
 * pages. Pure: `src/components/PageMeta.astro` only prints what this returns.
 *
 * Zotero reads a page with its Embedded Metadata translator: `DC.*`, `og:*` and
 * `dcterms.*` tags go to its RDF translator, which takes the item type from `DC.type`
 * when it names a Zotero item type (`encyclopediaArticle`), the title from `DC.title`,
 * the publication (here, the encyclopedia) from `DC.source`, and the publisher from
 * `DC.publisher`; then HighWire `citation_*` tags fill title, date and URL
 * (`citation_public_url`). We write no `citation_author` for entity pages: a knowledge
 * base has no personal author, and a group author would be read as a person. No COinS.
 */
import type { ArticleRef } from '../core/views.ts';
import { TYPE_LABELS } from '../core/urls.ts';
import type { EntityType } from '../core/schema.ts';
import { absoluteUrl, type SiteInfo } from './csl-json.ts';

/** One `<meta>`: `name=` for DC/HighWire tags, `property=` for Open Graph. */
export interface MetaTag {
  attr: 'name' | 'property';
  key: string;
  content: string;
}

export interface HeadMeta {
  tags: MetaTag[];
  /** JSON-LD, already escaped for a `<script type="application/ld+json">`. */
  jsonLd: string;
}

/** schema.org type of each entity type's `mainEntity` (a campaign has no closer type). */
const SCHEMA_TYPES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  site: 'WebSite',
  campaign: 'Thing',
  place: 'Place',
  event: 'Event',
};

/**
 * JSON for a `<script>` element: `<`, `>` and `&` as `\u003c` etc. so that no value can
 * close the element or open a comment; U+2028/9 too, for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const tag = (attr: MetaTag['attr'], key: string, content: string | undefined): MetaTag[] =>
  content ? [{ attr, key, content }] : [];

/** `2026-11-21T…` → `2026/11/21` (the HighWire form Google Scholar documents). */
const slashDate = (iso: string | undefined) => iso?.slice(0, 10).replace(/-/g, '/');

/** Head metadata of an entity page, cited as an encyclopedia entry of the site. */
export function entityHead(
  entity: {
    id: string;
    name: string;
    type: EntityType;
    path: string;
    aliases: string[];
    sameAs: string[];
    description?: string;
    /** The page's version: its date is when the content last changed. */
    version?: { id: string; date: string };
  },
  site: SiteInfo,
  description: string,
): HeadMeta {
  const url = absoluteUrl(site, entity.path);
  const date = entity.version?.date ?? site.generated?.slice(0, 10);
  const tags = [
    ...tag('property', 'og:type', 'article'),
    ...tag('property', 'og:title', entity.name),
    ...tag('property', 'og:site_name', site.title),
    ...tag('property', 'og:url', url),
    ...tag('property', 'og:description', description),
    ...tag('name', 'citation_title', entity.name),
    ...tag('name', 'citation_date', slashDate(date)),
    ...tag('name', 'citation_public_url', url),
    ...tag('name', 'citation_language', 'en'),
    ...tag('name', 'DC.type', 'encyclopediaArticle'),
    ...tag('name', 'DC.title', entity.name),
    ...tag('name', 'DC.source', site.title),
    ...tag('name', 'DC.publisher', site.publisher),
    ...tag('name', 'DC.date', date),
    ...tag('name', 'DC.language', 'en'),
  ];
  const pageId = url ?? entity.path;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': pageId,
    url: pageId,
    name: entity.name,
    description,
    inLanguage: 'en',
    ...(date ? { dateModified: date } : {}),
    ...(entity.version ? { version: entity.version.id } : {}),
    isPartOf: { '@type': 'WebSite', name: site.title, ...(site.url ? { url: site.url } : {}) },
    publisher: { '@type': 'Organization', name: site.publisher },
    mainEntity: {
      '@type': SCHEMA_TYPES[entity.type],
      '@id': `${pageId}#entity`,
      name: entity.name,
      ...(entity.aliases.length ? { alternateName: entity.aliases } : {}),
      ...(entity.description ? { description: entity.description } : {}),
      ...(entity.sameAs.length ? { sameAs: entity.sameAs } : {}),
      additionalType: TYPE_LABELS[entity.type].one,
    },
  };
  return { tags, jsonLd: jsonForScript(jsonLd) };
}

/** A byline that names a person (not "Staff", not a desk or the publication itself). */
const personalAuthor = (name: string) =>
  /\S\s+\S/.test(name) && !/\b(staff|desk|editors?|newsroom)\b/i.test(name);

/** Head metadata of an article page: the original news article, for Zotero. */
export function articleHead(
  article: ArticleRef & { language: string },
  site: SiteInfo,
  description: string,
): HeadMeta {
  const url = absoluteUrl(site, article.path);
  const tags = [
    ...tag('property', 'og:type', 'article'),
    ...tag('property', 'og:title', article.title),
    ...tag('property', 'og:site_name', site.title),
    ...tag('property', 'og:url', url),
    ...tag('property', 'og:description', description),
    ...tag('property', 'article:published_time', article.date),
    ...tag('name', 'citation_title', article.title),
    ...article.authors.filter(personalAuthor).flatMap((a) => tag('name', 'citation_author', a)),
    ...tag('name', 'citation_publication_date', slashDate(article.date)),
    ...tag('name', 'citation_public_url', article.url ?? url),
    ...tag('name', 'citation_language', article.language),
    ...tag('name', 'DC.type', article.publisher ? 'newspaperArticle' : 'webpage'),
    ...tag('name', 'DC.title', article.title),
    ...tag('name', 'DC.source', article.publisher),
    ...tag('name', 'DC.publisher', article.publisher),
    ...tag('name', 'DC.date', article.date),
    ...tag('name', 'DC.language', article.language),
  ];
  const pageId = url ?? article.path;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': pageId,
    url: pageId,
    name: article.title,
    inLanguage: article.language,
    isPartOf: { '@type': 'WebSite', name: site.title, ...(site.url ? { url: site.url } : {}) },
    mainEntity: {
      '@type': 'NewsArticle',
      headline: article.title,
      ...(article.url ? { '@id': article.url, url: article.url } : {}),
      ...(article.date ? { datePublished: article.date } : {}),
      ...(article.publisher
        ? { publisher: { '@type': 'Organization', name: article.publisher } }
        : {}),
      ...(article.authors.length
        ? { author: article.authors.map((name) => ({ '@type': 'Person', name })) }
        : {}),
    },
  };
  return { tags, jsonLd: jsonForScript(jsonLd) };
}
