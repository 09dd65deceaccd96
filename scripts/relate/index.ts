/**
 * Stage 5, relate: entities mentioned in the same paragraph are related. Strength is
 * normalized pointwise mutual information over paragraphs (Bouma 2009, "Normalized
 * (pointwise) mutual information in collocation extraction"), so that a hub mentioned
 * everywhere does not crowd every page; counts are kept as evidence.
 */
import type { EntityId } from '../core/ids.ts';
import type { Entity } from '../core/types.ts';

export interface Relation {
  id: EntityId;
  /** NPMI mapped to [0, 1]. */
  weight: number;
  paragraphs: number;
  articles: number;
}

export interface RelateOptions {
  /** At most this many related entities per entity. */
  limit: number;
}

/** Related entities for each entity id, strongest first. */
export function relateEntities(
  entities: Entity[],
  { limit }: RelateOptions,
): Map<EntityId, Relation[]> {
  // Paragraph key → entities mentioned there.
  const byParagraph = new Map<string, Set<EntityId>>();
  for (const entity of entities) {
    for (const m of entity.mentions) {
      const key = `${m.article}#${m.paragraph}`;
      const set = byParagraph.get(key) ?? new Set();
      set.add(entity.id);
      byParagraph.set(key, set);
    }
  }
  const total = byParagraph.size;
  const single = new Map<EntityId, number>();
  const pairs = new Map<string, { paragraphs: number; articles: Set<string> }>();
  for (const [key, ids] of byParagraph) {
    const sorted = [...ids].sort();
    for (const id of sorted) single.set(id, (single.get(id) ?? 0) + 1);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const pair = `${sorted[i]}\n${sorted[j]}`;
        const entry = pairs.get(pair) ?? { paragraphs: 0, articles: new Set<string>() };
        entry.paragraphs++;
        entry.articles.add(key.slice(0, key.indexOf('#')));
        pairs.set(pair, entry);
      }
    }
  }
  const related = new Map<EntityId, Relation[]>();
  for (const [pair, { paragraphs, articles }] of pairs) {
    const [a, b] = pair.split('\n') as [EntityId, EntityId];
    const weight = npmiWeight(paragraphs, single.get(a)!, single.get(b)!, total);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = related.get(from) ?? [];
      list.push({ id: to, weight, paragraphs, articles: articles.size });
      related.set(from, list);
    }
  }
  for (const [id, list] of related) {
    list.sort(
      (x, y) => y.weight - x.weight || y.paragraphs - x.paragraphs || (x.id < y.id ? -1 : 1),
    );
    related.set(id, list.slice(0, limit));
  }
  return related;
}

/** NPMI in [-1, 1], mapped to [0, 1] and rounded so output is stable across platforms. */
function npmiWeight(joint: number, a: number, b: number, total: number): number {
  const pxy = joint / total;
  if (pxy >= 1) return 1;
  const npmi = Math.log(pxy / ((a / total) * (b / total))) / -Math.log(pxy);
  return Math.round(((npmi + 1) / 2) * 1000) / 1000;
}
