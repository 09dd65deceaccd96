/**
 * Assembles the knowledge base (`kb.json`, DESIGN.md's data contract) and the prepared
 * page data from the resolved graph. Pure: `emit` writes the result.
 */
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../core/config.ts';
import type { EntityType, KnowledgeBase } from '../core/schema.ts';
import { ENTITY_TYPES } from '../core/schema.ts';
import type { Urls } from '../core/urls.ts';
import { mentionContext } from '../core/context.ts';
import { quotesByEntity } from '../quotes/attribute.ts';
import type { Quote } from '../quotes/index.ts';
import { gatherKnowledge, roleRelations, storyEntities } from './knowledge.ts';
import { storyPath } from '../core/links.ts';
import { knowledgeView } from './knowledge-views.ts';
import type { Relation } from '../relate/index.ts';
import { createAligner } from '../stories/groups.ts';
import { renderArticle, type LinkedSpan } from './render-article.ts';
import type { Entity, SegmentedArticle } from '../core/types.ts';
import { entityView, typeIndexes } from './views.ts';
import { articleRef, entityLink } from '../core/links.ts';
import {
  type ArticleRef,
  type ArticleView,
  type EntityView,
  type IndexEntry,
  type SiteData,
} from '../core/views.ts';
import { paragraphOf } from '../core/paragraph-of.ts';
import { appendTo } from '../core/collections.ts';
import type { ArchivedPage } from '../core/views.ts';
import type { DisambiguationPage } from '../core/views.ts';
import type { FormattedItem } from '../core/views.ts';
import { compareText } from '../core/collections.ts';

export interface AssembleInput {
  config: Config;
  urls: Urls;
  docs: SegmentedArticle[];
  entities: Entity[];
  /**
   * Relates the entities (`relateEntities`): those of the articles that are not exact
   * duplicates, whose mentions count once.
   */
  relate: (entities: Entity[]) => Map<string, Relation[]>;
  /** Every direct quote found, with its article. */
  quotes: Array<{ article: string; quote: Quote }>;
  /** ISO time of the build, or undefined when output must not carry one. */
  generated?: string;
  /**
   * The articles' bodies as the caller made them ready (`articlesToRender`, in the order
   * of `docs`) and, when it had them rendered elsewhere, their HTML (`html`, called once,
   * when needed). Made here, and rendered with `renderArticle`, when absent.
   */
  bodies?: { toRender: ArticleToRender[]; html?: () => string[] };
}

/** An article body to render: its tree and its linked spans by paragraph (`renderArticle`). */
export interface ArticleToRender {
  tree: SegmentedArticle['tree'];
  spans: Map<string, LinkedSpan[]>;
}

/**
 * What rendering each article's body needs, in the order of `docs`: every resolved
 * mention becomes a link to its entity's page (an exact duplicate's too).
 */
export function articlesToRender(
  docs: SegmentedArticle[],
  entities: Entity[],
  urls: Urls,
): ArticleToRender[] {
  const spans = new Map<string, Map<string, LinkedSpan[]>>();
  for (const e of entities) {
    const href = urls.entity(e.type, e.slug);
    for (const m of e.mentions) {
      let perArticle = spans.get(m.article);
      if (!perArticle) spans.set(m.article, (perArticle = new Map()));
      appendTo(perArticle, m.paragraph, { start: m.start, end: m.end, href, entity: e.id });
    }
  }
  return docs.map((doc) => ({ tree: doc.tree, spans: spans.get(doc.article.id) ?? new Map() }));
}

/** `content/articles/x.md`: a source file as seen from the content folder, `/`-separated. */
function contentPath(config: Config, file: string): string {
  const from = relative(config.contentDir, resolve(config.root, file));
  return ['content', ...from.split(sep)].join('/');
}

function byDateDesc(a: ArticleRef, b: ArticleRef): number {
  return compareText(b.date ?? '', a.date ?? '') || compareText(a.title, b.title);
}

export function assembleSite({
  config,
  urls,
  docs,
  quotes: allQuotes,
  entities: allEntities,
  relate,
  generated,
  bodies,
}: AssembleInput): SiteData {
  const docById = new Map(docs.map((d) => [d.article.id as string, d]));
  // Stories, roles, summaries; an exact duplicate's mentions and quotes count once.
  const knowledge = gatherKnowledge(docs, allEntities);
  const { entities, duplicateOf, storyOf } = knowledge;
  const quotes = allQuotes.filter((q) => !duplicateOf.has(q.article));
  const related = relate(entities);
  const relations = roleRelations(knowledge.roles);
  const inStory = storyEntities(knowledge.stories, entities);
  const quoted = quotesByEntity(entities, quotes);
  const byId = new Map(allEntities.map((e) => [e.id as string, e]));
  const kb: KnowledgeBase = {
    schema: 1,
    site: { title: config.title, url: config.site, base: config.base },
    generated,
    articles: docs.map(({ article, paragraphs }) => ({
      ...articleRef(article, urls),
      language: article.meta.language,
      note: article.meta.note,
      // Named from the content folder, so that kb.json is the same wherever the project
      // and its content are checked out.
      file: contentPath(config, article.file),
      paragraphs: paragraphs.length,
      story: storyOf.get(article.id)?.id,
      duplicateOf: duplicateOf.get(article.id),
    })),
    entities: entities.map((e) => ({
      ...entityLink(e, urls),
      aliases: e.aliases,
      description: e.curated?.description,
      sameAs: e.curated?.sameAs ?? [],
      curated: Boolean(e.curated),
      mentions: e.mentions.map((m) => {
        const paragraph = paragraphOf(docById.get(m.article)!, m.paragraph);
        const { before, text, after } = mentionContext(paragraph, m);
        return {
          article: m.article,
          paragraph: m.paragraph,
          text: m.text,
          start: m.start,
          end: m.end,
          context: {
            text: before + text + after,
            start: before.length,
            end: before.length + text.length,
          },
        };
      }),
      quotes: (quoted.get(e.id) ?? []).map(({ article, quote }) => ({
        text: quote.text,
        article,
        paragraph: quote.paragraph,
        confidence: Math.round(quote.confidence * 100) / 100,
      })),
      related: (related.get(e.id) ?? []).map(({ id, weight, paragraphs, articles }) => ({
        id,
        weight,
        paragraphs,
        articles,
        relation: relations.get(`${e.id}\n${id}`),
      })),
      roles: knowledge.roles.get(e.id)?.map(({ role, of, article, paragraph, evidence }) => ({
        role,
        of,
        article,
        paragraph,
        text: evidence.text,
      })),
      summary: knowledge.summaries.get(e.id),
    })),
    stories: knowledge.stories.map((s) => ({
      id: s.id,
      title: s.title,
      path: storyPath(urls, s.id),
      articles: s.versions,
      duplicates: s.duplicates,
      entities: inStory.get(s.id) ?? [],
    })),
  };

  const toRender = bodies?.toRender ?? articlesToRender(docs, allEntities, urls);
  const html = bodies?.html?.() ?? toRender.map(({ tree, spans }) => renderArticle(tree, spans));
  const articles: ArticleView[] = docs.map((doc, i) => {
    const counts = new Map<string, number>();
    for (const list of toRender[i]!.spans.values())
      for (const s of list) counts.set(s.entity, (counts.get(s.entity) ?? 0) + 1);
    const story = storyOf.get(doc.article.id);
    const original = docById.get(duplicateOf.get(doc.article.id) ?? '');
    return {
      ...articleRef(doc.article, urls),
      story: story && {
        id: story.id,
        title: story.title,
        path: storyPath(urls, story.id),
        versions: story.versions.length,
      },
      duplicateOf: original && articleRef(original.article, urls),
      language: doc.article.meta.language,
      note: original
        ? `The same text as “${original.article.meta.title}”, shown there once: its names count there. ${doc.article.meta.note ?? ''}`.trim()
        : doc.article.meta.note,
      html: html[i]!,
      paragraphs: doc.paragraphs.length,
      entities: [...counts]
        .map(([id, count]) => ({ ...entityLink(byId.get(id)!, urls), count }))
        .sort((a, b) => b.count - a.count || compareText(a.name, b.name)),
    };
  });
  const indexes = typeIndexes(entities, urls);
  const align = createAligner(docById);
  return {
    site: {
      title: config.title,
      publisher: config.publisher,
      base: config.base,
      url: config.site,
      generated,
    },
    kb,
    counts: Object.fromEntries(ENTITY_TYPES.map((t) => [t, indexes[t].length])) as Record<
      EntityType,
      number
    >,
    latest: articles
      .map((a) => articleRef(docById.get(a.id)!.article, urls))
      .sort(byDateDesc)
      .slice(0, 10),
    articles,
    entities: entities.map((e) => {
      const view = entityView(
        e,
        docById,
        related.get(e.id) ?? [],
        byId,
        urls,
        quoted.get(e.id) ?? [],
      );
      return {
        ...view,
        related: view.related.map((r) => ({ ...r, relation: relations.get(`${e.id}\n${r.id}`) })),
        ...knowledgeView(e, knowledge, byId, docById, urls, align, (m) => {
          const doc = docById.get(m.article)!;
          const paragraph = paragraphOf(doc, m.paragraph);
          return {
            ...mentionContext(paragraph, m),
            paragraph: m.paragraph,
            href: urls.article(doc.article.slug, m.paragraph),
          };
        }),
      };
    }),
    indexes,
  };
}
