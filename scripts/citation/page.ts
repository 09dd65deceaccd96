/**
 * What an entity or article page needs for citing, prepared in one call so the pages
 * stay thin: the cite box (formatted once per page), head metadata, and for entity
 * pages the numbered references every mention and quote points to.
 */
import type { ArticleRef, ArticleView, EntityView } from '../core/views.ts';
import { citePage, type PageCitation } from './cite.ts';
import type { FormattedItem } from '../core/views.ts';
import { articleItem, entityItem, storyItem, type SiteInfo } from './csl-json.ts';
import { articleHead, entityHead, type HeadMeta } from './meta.ts';

export interface Reference extends ArticleRef {
  /** 1-based number, in order of first use on the page. */
  n: number;
}

export interface EntityCitation {
  cite: PageCitation;
  head: HeadMeta;
  /** Numbered sources: quotes first (they come first on the page), then mention groups. */
  references: Reference[];
  /** Reference number of an article id. */
  refOf: Record<string, number>;
}

/** Numbers the articles a page rests on in order of first use (quotes, then mentions). */
export function numberReferences(entity: Pick<EntityView, 'quotes' | 'groups'>): Reference[] {
  const byId = new Map<string, Reference>();
  for (const article of [
    ...entity.quotes.map((q) => q.article),
    ...entity.groups.map((g) => g.article),
  ])
    if (!byId.has(article.id)) byId.set(article.id, { ...article, n: byId.size + 1 });
  return [...byId.values()];
}

const buildDate = (site: SiteInfo) => new Date(site.generated ?? 0);

/** Cite box, head metadata and references of an entity page. */
export function entityCitation(
  entity: EntityView,
  site: SiteInfo,
  description: string,
): EntityCitation {
  const references = numberReferences(entity);
  return {
    cite: citePage(entityItem(entity, site), buildDate(site), entity.citation),
    head: entityHead(entity, site, description),
    references,
    refOf: Object.fromEntries(references.map((r) => [r.id, r.n])),
  };
}

/** Cite box and head metadata of an article page (citing the original article). */
export function articleCitation(
  article: ArticleView,
  site: SiteInfo,
  description: string,
): { cite: PageCitation; head: HeadMeta } {
  return {
    cite: citePage(articleItem(article, site), buildDate(site), article.citation),
    head: articleHead(article, site, description),
  };
}

/** Cite box of a story page; `formatted` comes from the build's prepared citations. */
export function storyCitation(
  story: { id: string; title: string; path: string },
  site: SiteInfo,
  formatted?: FormattedItem,
): PageCitation {
  return citePage(storyItem(story, site), buildDate(site), formatted);
}
