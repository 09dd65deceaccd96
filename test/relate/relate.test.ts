import { describe, expect, it } from 'vitest';
import { relateEntities } from '../../scripts/relate/index.ts';
import type { Entity } from '../../scripts/core/types.ts';
import type { ArticleId, EntityId } from '../../scripts/core/ids.ts';

/** An entity mentioned once in each of the given `article#paragraph` places. */
function entity(id: string, places: string[]): Entity {
  return {
    id: id as EntityId,
    type: 'person',
    slug: id,
    name: id,
    aliases: [],
    mentions: places.map((place) => {
      const [article, paragraph] = place.split('#') as [string, string];
      return {
        article: article as ArticleId,
        paragraph,
        start: 0,
        end: 1,
        text: id,
        type: 'person',
        score: 1,
        source: 'test',
      };
    }),
  };
}

describe('relateEntities', () => {
  it('ranks a specific partner above a hub mentioned everywhere, and counts its evidence', () => {
    const hub = entity('hub', ['a#p1', 'a#p2', 'a#p3', 'b#p1', 'b#p2', 'b#p3']);
    const x = entity('x', ['a#p1', 'b#p1']);
    const y = entity('y', ['a#p1', 'b#p1']);
    const related = relateEntities([hub, x, y], { limit: 5 });
    expect(related.get(x.id)!.map((r) => r.id)).toEqual(['y', 'hub']);
    expect(related.get(x.id)![0]).toMatchObject({ paragraphs: 2, articles: 2 });
    expect(related.get(x.id)![0]!.weight).toBeGreaterThan(related.get(x.id)![1]!.weight);
  });

  it('keeps at most `limit` relations and none for an entity mentioned alone', () => {
    const alone = entity('alone', ['c#p9']);
    const many = ['p', 'q', 'r', 's'].map((id) => entity(id, ['a#p1']));
    const related = relateEntities([alone, ...many], { limit: 2 });
    expect(related.get(alone.id)).toBeUndefined();
    expect(related.get('p' as EntityId)).toHaveLength(2);
  });
});
