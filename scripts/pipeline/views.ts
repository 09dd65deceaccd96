/**
 * Prepared page data: everything the Astro pages show, computed once here so that
 * pages stay thin and rendering is linear in output size (no page scans the graph).
 */
import type { EntityType } from '../schema.ts';
import { ENTITY_TYPES } from '../schema.ts';
import { TYPE_LABELS, type Urls } from '../urls.ts';
import type { ArticleQuote } from './attribute.ts';
import type { KnowledgeView } from './knowledge-views.ts';
import type { Relation } from './relate.ts';
import { mentionContext, type MentionContext } from './context.ts';
import type { Article, Entity, SegmentedArticle } from './types.ts';
import { paragraphOf } from './paragraph-of.ts';
import type { FormattedItem } from '../citation/format-item.ts';
import type { VersionInfo } from '../versions/record.ts';
import type { Hatnote } from '../disambiguation.ts';

export interface ArticleRef {
  id: string;
  title: string;
  publisher?: string;
  authors: string[];
  date?: string;
  url?: string;
  path: string;
}

export interface EntityLink {
  id: string;
  name: string;
  type: EntityType;
  path: string;
}

/** Fact box, summary from the sources and mentions by story come from `knowledgeView`. */
export interface EntityView extends EntityLink, Partial<KnowledgeView> {
  /** The cite box, formatted before rendering (`citation/prepare.ts`). */
  citation?: FormattedItem;
  typeLabel: string;
  aliases: string[];
  description?: string;
  summary?: string;
  sameAs: string[];
  mentionCount: number;
  /** Mentions grouped by article, in article order. */
  groups: Array<{
    article: ArticleRef;
    mentions: Array<MentionContext & { paragraph: string; href: string }>;
  }>;
  /** `relation`: how a role links them ("CEO of"), when the text says. */
  related: Array<
    EntityLink & { weight: number; paragraphs: number; articles: number; relation?: string }
  >;
  /** Articles the page rests on, numbered in order of first use. */
  sources: ArticleRef[];
  /** Direct quotes attributed to this entity, in article order. */
  quotes: QuoteView[];
  /** This page's version and history (`scripts/versions/`), added after assembly. */
  version?: VersionInfo;
  /** Set when other entities share its name (`scripts/disambiguation.ts`). */
  disambiguation?: Hatnote;
}

export interface QuoteView {
  text: string;
  paragraph: string;
  href: string;
  article: ArticleRef;
}

export interface ArticleView extends ArticleRef {
  /** The cite box, formatted before rendering (`citation/prepare.ts`). */
  citation?: FormattedItem;
  language: string;
  note?: string;
  /** Rendered body with mention links and paragraph anchors. */
  html: string;
  paragraphs: number;
  /** Entities named in the article, most mentioned first. */
  entities: Array<EntityLink & { count: number }>;
  /** The story it is a version of. */
  story?: { id: string; title: string; path: string; versions: number };
  /** The article whose text it repeats exactly. */
  duplicateOf?: ArticleRef;
}

export interface IndexEntry extends EntityLink {
  mentions: number;
  articles: number;
}

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

/** The full view of one entity page. */
export function entityView(
  entity: Entity,
  docs: Map<string, SegmentedArticle>,
  related: Relation[],
  byId: Map<string, Entity>,
  urls: Urls,
  quotes: ArticleQuote[],
): EntityView {
  const groups = new Map<string, EntityView['groups'][number]>();
  for (const m of entity.mentions) {
    const doc = docs.get(m.article)!;
    const paragraph = paragraphOf(doc, m.paragraph);
    let group = groups.get(m.article);
    if (!group)
      groups.set(m.article, (group = { article: articleRef(doc.article, urls), mentions: [] }));
    group.mentions.push({
      ...mentionContext(paragraph, m),
      paragraph: m.paragraph,
      href: urls.article(doc.article.slug, m.paragraph),
    });
  }
  return {
    ...entityLink(entity, urls),
    typeLabel: TYPE_LABELS[entity.type].one,
    aliases: entity.aliases,
    description: entity.curated?.description,
    summary: entity.curated?.summary || undefined,
    sameAs: entity.curated?.sameAs ?? [],
    mentionCount: entity.mentions.length,
    groups: [...groups.values()],
    related: related.flatMap((r) => {
      const other = byId.get(r.id);
      return other
        ? [
            {
              ...entityLink(other, urls),
              weight: r.weight,
              paragraphs: r.paragraphs,
              articles: r.articles,
            },
          ]
        : [];
    }),
    sources: [...groups.values()].map((g) => g.article),
    quotes: quotes.map(({ article, quote }) => {
      const doc = docs.get(article)!;
      return {
        text: quote.text,
        paragraph: quote.paragraph,
        href: urls.article(doc.article.slug, quote.paragraph),
        article: articleRef(doc.article, urls),
      };
    }),
  };
}

/**
 * Names in English order, case and accents aside: one collator for every comparison
 * (`localeCompare` with options makes one each time).
 */
const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

/** Entities of each type, A–Z, with mention counts. */
export function typeIndexes(entities: Entity[], urls: Urls): Record<EntityType, IndexEntry[]> {
  const indexes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as IndexEntry[]])) as Record<
    EntityType,
    IndexEntry[]
  >;
  for (const e of entities) {
    indexes[e.type].push({
      ...entityLink(e, urls),
      mentions: e.mentions.length,
      articles: new Set(e.mentions.map((m) => m.article)).size,
    });
  }
  for (const list of Object.values(indexes))
    list.sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  return indexes;
}

export { TYPE_LABELS };
