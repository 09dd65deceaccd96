/**
 * Prepared page data: everything the Astro pages show, computed once here so that
 * pages stay thin and rendering is linear in output size (no page scans the graph).
 */
import type { EntityType } from '../core/schema.ts';
import { ENTITY_TYPES } from '../core/schema.ts';
import { TYPE_LABELS, type Urls } from '../core/urls.ts';
import type { ArticleQuote } from '../quotes/attribute.ts';
import type { KnowledgeView, EntityView, IndexEntry } from '../core/views.ts';
import type { Relation } from '../relate/index.ts';
import { mentionContext, type MentionContext } from '../core/context.ts';
import type { Article, Entity, SegmentedArticle } from '../core/types.ts';
import { paragraphOf } from '../core/paragraph-of.ts';
import type { FormattedItem } from '../core/views.ts';
import type { VersionInfo } from '../core/views.ts';
import type { Hatnote } from '../core/views.ts';
import { articleRef, entityLink } from '../core/links.ts';
import { compareText } from '../core/collections.ts';

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
    list.sort((a, b) => byName(a.name, b.name) || compareText(a.id, b.id));
  return indexes;
}

export { TYPE_LABELS };
