/**
 * Links between pages, made from the pipeline's records: an article's reference, an
 * entity's link, a story's path. Below every stage that links pages (stories, assembly).
 */
import type { Article, Entity } from './types.ts';
import type { Urls } from './urls.ts';
import type { ArticleRef, EntityLink } from './views.ts';

export function articleRef(article: Article, urls: Urls): ArticleRef {
  const { title, publisher, authors, date, url } = article.meta;
  return { id: article.id, title, publisher, authors, date, url, path: urls.article(article.slug) };
}

export function entityLink(entity: Entity, urls: Urls): EntityLink {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    path: urls.entity(entity.type, entity.slug),
  };
}

/** Where a story's page lives: `/stories/<id>/` under the base. */
export function storyPath(urls: Urls, id: string): string {
  return urls.asset(`stories/${encodeURIComponent(id)}/`);
}
