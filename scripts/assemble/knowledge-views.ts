/**
 * The entity page's share of knowledge beyond mentions: the fact box (roles grouped,
 * each line with its sources), the summary with its citation, and mentions by story.
 */
import type { EntityId } from '../core/ids.ts';
import type { Urls } from '../core/urls.ts';
import { roleConnector, roleKey, type EntityRole, type Knowledge } from './knowledge.ts';
import { storyGroups, type Aligner } from '../stories/groups.ts';
import {
  type StoryGroupView,
  type SourceLink,
  type FactView,
  type KnowledgeView,
} from '../core/views.ts';
import type { Entity, SegmentedArticle } from '../core/types.ts';
import { articleRef, entityLink } from '../core/links.ts';
import { type ArticleRef, type EntityLink } from '../core/views.ts';
import type { MentionContext } from '../core/context.ts';

function source(
  docs: Map<string, SegmentedArticle>,
  urls: Urls,
  at: { article: string; paragraph: string; text: string },
): SourceLink {
  const { article } = docs.get(at.article)!;
  return {
    article: articleRef(article, urls),
    paragraph: at.paragraph,
    href: urls.article(article.slug, at.paragraph),
    text: at.text,
  };
}

/** Roles grouped by what they say, most attested first; the first wording names the line. */
export function factViews(
  roles: EntityRole[],
  byId: Map<string, Entity>,
  docs: Map<string, SegmentedArticle>,
  urls: Urls,
): FactView[] {
  const facts = new Map<string, FactView>();
  for (const r of roles) {
    const key = roleKey(r.role, r.of);
    const holder = r.of ? byId.get(r.of) : undefined;
    const fact = facts.get(key) ?? {
      role: r.role[0]!.toUpperCase() + r.role.slice(1),
      connector: roleConnector(r.role),
      of: holder && entityLink(holder, urls),
      sources: [],
    };
    if (!fact.sources.some((s) => s.article.id === r.article && s.paragraph === r.paragraph))
      fact.sources.push(source(docs, urls, { ...r, text: r.evidence.text }));
    facts.set(key, fact);
  }
  return [...facts.values()].sort((a, b) => b.sources.length - a.sources.length);
}

/** Facts, summary and story groups of one entity. */
export function knowledgeView(
  entity: Entity,
  knowledge: Knowledge,
  byId: Map<string, Entity>,
  docs: Map<string, SegmentedArticle>,
  urls: Urls,
  align: Aligner,
  mentionView: (m: Entity['mentions'][number]) => MentionContext & {
    paragraph: string;
    href: string;
  },
): KnowledgeView {
  const summary = knowledge.summaries.get(entity.id as EntityId);
  return {
    facts: factViews(knowledge.roles.get(entity.id as EntityId) ?? [], byId, docs, urls),
    sourceSummary: summary && source(docs, urls, summary),
    stories: storyGroups(entity, docs, knowledge.storyOf, urls, align, mentionView),
  };
}
