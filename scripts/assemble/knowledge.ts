/**
 * Knowledge beyond mentions, gathered in one pass for `assemble`: stories (and exact
 * duplicates, whose mentions then count once), roles with their evidence, and each
 * entity's defining sentence. Pure.
 */
import type { EntityId } from '../core/ids.ts';
import type { Urls } from '../core/urls.ts';
import { loadRoleLexicon, type RoleLexicon } from '../roles/lexicon.ts';
import { findRoles, type RoleMention } from '../roles/index.ts';
import { groupStories, type Story } from '../stories/index.ts';
import { summarize, type Summary } from './summary.ts';
import type { Entity, SegmentedArticle, Span } from '../core/types.ts';
import { appendTo } from '../core/collections.ts';

/** A role fact on its subject: "CEO" of organization/cloudflare, and where it is said. */
export interface EntityRole {
  role: string;
  of?: EntityId;
  article: string;
  paragraph: string;
  evidence: Span & { text: string };
}

export interface Knowledge {
  /** The entities with the mentions in exact duplicates left out. */
  entities: Entity[];
  stories: Story[];
  /** Story of each article that has one. */
  storyOf: Map<string, Story>;
  /** Duplicate article id → the article whose text it repeats. */
  duplicateOf: Map<string, string>;
  roles: Map<EntityId, EntityRole[]>;
  summaries: Map<EntityId, Summary>;
}

/** Stories, roles and summaries of the resolved graph. */
export function gatherKnowledge(
  docs: SegmentedArticle[],
  allEntities: Entity[],
  lexicon: RoleLexicon = loadRoleLexicon(),
): Knowledge {
  const named = new Map<string, Set<string>>();
  for (const e of allEntities)
    for (const m of e.mentions) {
      const set = named.get(m.article);
      if (set) set.add(e.id);
      else named.set(m.article, new Set([e.id]));
    }
  const { stories, duplicateOf } = groupStories(
    docs.map(({ article, paragraphs, story }) => ({
      id: article.id,
      title: article.meta.title,
      date: article.meta.date,
      text: paragraphs.map((p) => p.text).join('\n\n'),
      entities: [...(named.get(article.id) ?? [])],
      features: story,
    })),
  );
  const storyOf = new Map(stories.flatMap((s) => s.versions.map((v) => [v, s] as const)));
  const entities = allEntities
    .map((e) => ({ ...e, mentions: e.mentions.filter((m) => !duplicateOf.has(m.article)) }))
    .filter((e, i) => e.mentions.length > 0 || allEntities[i]!.mentions.length === 0);

  // Mentions by article, then by paragraph: each paragraph reads only its own (linear in
  // an article's paragraphs, not their product with its mentions).
  const byArticle = new Map<string, Map<string, RoleMention[]>>();
  for (const e of entities)
    for (const m of e.mentions) {
      let perParagraph = byArticle.get(m.article);
      if (!perParagraph) byArticle.set(m.article, (perParagraph = new Map()));
      appendTo(perParagraph, m.paragraph, {
        entity: e.id,
        type: e.type,
        paragraph: m.paragraph,
        start: m.start,
        end: m.end,
      });
    }
  const roles = new Map<EntityId, EntityRole[]>();
  const evidence = new Map<EntityId, Map<string, Span[]>>();
  for (const { article, paragraphs } of docs) {
    const mentions = byArticle.get(article.id);
    if (!mentions || duplicateOf.has(article.id)) continue;
    for (const paragraph of paragraphs) {
      const here = mentions.get(paragraph.id);
      if (!here) continue;
      for (const fact of findRoles(paragraph, here, lexicon)) {
        const subject = fact.subject.entity as EntityId;
        const list = roles.get(subject) ?? [];
        list.push({
          role: fact.role,
          of: fact.object?.entity as EntityId | undefined,
          article: article.id,
          paragraph: paragraph.id,
          evidence: {
            ...fact.evidence,
            text: paragraph.text.slice(fact.evidence.start, fact.evidence.end),
          },
        });
        roles.set(subject, list);
        const spans = evidence.get(subject) ?? new Map<string, Span[]>();
        const key = `${article.id}#${paragraph.id}`;
        appendTo(spans, key, fact.evidence);
        evidence.set(subject, spans);
      }
    }
  }
  const paragraphsOf = new Map(docs.map((d) => [d.article.id as string, d.paragraphs]));
  const summaries = new Map<EntityId, Summary>();
  for (const e of entities) {
    const summary = summarize(e.mentions, (id) => paragraphsOf.get(id), evidence.get(e.id));
    if (summary) summaries.set(e.id, summary);
  }
  return { entities, stories, storyOf, duplicateOf, roles, summaries };
}

/** The same role, however written: "Representative (R-Ga.)" = "representative (R-Ga)". */
export function roleKey(role: string, of?: string): string {
  return `${role
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}\n${of ?? ''}`;
}

/** "CEO of Cloudflare", but "director of the … program at Cyber Policy Center". */
export function roleConnector(role: string): 'of' | 'at' {
  return /\sof\s/.test(role) ? 'at' : 'of';
}

/**
 * How two related entities are linked by a role: "CEO of" on the holder's side, "CEO"
 * on the organization's side (its related entity holds the role there).
 */
export function roleRelations(roles: Map<EntityId, EntityRole[]>): Map<string, string> {
  const relations = new Map<string, string>();
  for (const [subject, list] of roles)
    for (const { role, of } of list) {
      if (!of) continue;
      if (!relations.has(`${subject}\n${of}`))
        relations.set(`${subject}\n${of}`, `${role} ${roleConnector(role)}`);
      if (!relations.has(`${of}\n${subject}`)) relations.set(`${of}\n${subject}`, role);
    }
  return relations;
}

/**
 * Entities of each story with their mentions counted in the version naming them most
 * (a story counts once, not once per version), most mentioned first.
 */
export function storyEntities(
  stories: Story[],
  entities: Entity[],
): Map<string, Array<{ id: string; mentions: number }>> {
  const storyOf = new Map(stories.flatMap((s) => s.versions.map((v) => [v, s.id] as const)));
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const e of entities)
    for (const m of e.mentions) {
      const story = storyOf.get(m.article);
      if (!story) continue;
      const perEntity = counts.get(story) ?? new Map<string, Map<string, number>>();
      const perVersion = perEntity.get(e.id) ?? new Map<string, number>();
      perVersion.set(m.article, (perVersion.get(m.article) ?? 0) + 1);
      perEntity.set(e.id, perVersion);
      counts.set(story, perEntity);
    }
  return new Map(
    stories.map((s) => [
      s.id,
      [...(counts.get(s.id) ?? [])]
        .map(([id, perVersion]) => ({ id, mentions: Math.max(...perVersion.values()) }))
        .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1)),
    ]),
  );
}
