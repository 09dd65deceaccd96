/** Graph layouts are pure and deterministic: same input, same numbers, inside the box. */
import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../scripts/graph/layout.ts';
import { egoGraph } from '../../scripts/graph/ego.ts';
import { network } from '../../scripts/graph/network.ts';
import { hashSeed, seededRandom } from '../../scripts/graph/random.ts';
import type { KnowledgeBase } from '../../scripts/core/schema.ts';

const ids = Array.from({ length: 30 }, (_, i) => `person/p${i}`);
const edges = ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id, weight: (i % 5) / 5 }));

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(hashSeed('x'));
    const b = seededRandom(hashSeed('x'));
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(seededRandom(hashSeed('y'))()).not.toBe(seqA[0]);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('forceLayout', () => {
  const box = { width: 800, height: 500, margin: 40 };

  it('gives the same positions for the same graph, whatever the input order', () => {
    const a = forceLayout(ids, edges, box);
    const b = forceLayout([...ids].reverse(), edges, box);
    expect(JSON.stringify([...b].sort())).toBe(JSON.stringify([...a].sort()));
  });

  it('keeps every node inside the margins, with finite one-decimal coordinates', () => {
    const isolated = [...ids, 'place/alone', 'place/apart'];
    const layout = forceLayout(isolated, edges, box);
    expect(layout.size).toBe(isolated.length);
    for (const { x, y } of layout.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(39.9);
      expect(x).toBeLessThanOrEqual(760.1);
      expect(y).toBeGreaterThanOrEqual(39.9);
      expect(y).toBeLessThanOrEqual(460.1);
      expect(Math.round(x * 10) / 10).toBe(x);
    }
  });

  it('places linked nodes closer than unlinked ones on average', () => {
    const layout = forceLayout(ids, edges, box);
    const dist = (a: string, b: string) => {
      const p = layout.get(a)!;
      const q = layout.get(b)!;
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    const linked = edges.reduce((s, e) => s + dist(e.source, e.target), 0) / edges.length;
    let far = 0;
    let count = 0;
    for (let i = 0; i < ids.length; i += 3)
      for (let j = i + 5; j < ids.length; j += 4) {
        far += dist(ids[i]!, ids[j]!);
        count++;
      }
    expect(linked).toBeLessThan(far / count);
  });

  it('handles no node and one node', () => {
    expect(forceLayout([], [], box).size).toBe(0);
    expect(forceLayout(['a'], [], box).get('a')).toEqual({ x: 400, y: 250 });
  });
});

describe('egoGraph', () => {
  const center = { id: 'person/a', name: 'A', type: 'person' as const, path: '/people/a/' };
  const related = Array.from({ length: 12 }, (_, i) => ({
    id: `organization/o${i}`,
    name: `Org ${i}`,
    type: 'organization' as const,
    path: `/organizations/o${i}/`,
    weight: ((i * 7) % 12) / 12,
  }));

  it('keeps the eight strongest, strongest first from the top', () => {
    const graph = egoGraph(center, related)!;
    expect(graph.neighbours).toHaveLength(8);
    const weights = graph.neighbours.map((n) => n.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(graph.neighbours[0]!.x).toBe(graph.center.x);
    expect(graph.neighbours[0]!.y).toBeLessThan(graph.center.y);
    expect(egoGraph(center, [...related].reverse())).toEqual(graph);
  });

  it('draws nothing without relations', () => {
    expect(egoGraph(center, [])).toBeUndefined();
  });
});

describe('network', () => {
  const entity = (id: string, mentions: number, related: Array<[string, number]>) => ({
    id,
    type: 'person' as const,
    name: id.toUpperCase(),
    path: `/people/${id}/`,
    aliases: [],
    sameAs: [],
    curated: false,
    mentions: Array.from({ length: mentions }, () => ({}) as never),
    quotes: [],
    related: related.map(([rid, weight]) => ({ id: rid, weight, paragraphs: 1, articles: 1 })),
  });
  const kb = {
    entities: [
      entity('a', 5, [
        ['b', 0.9],
        ['c', 0.2],
      ]),
      entity('b', 3, [['a', 0.9]]),
      entity('c', 1, [['a', 0.2]]),
      entity('d', 1, []),
    ],
  } as unknown as Pick<KnowledgeBase, 'entities'>;

  it('draws each relation once, with both end types, and lists neighbours strongest first', () => {
    const net = network(kb);
    expect(net.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(net.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      ['a', 'b', 0.9],
      ['a', 'c', 0.2],
    ]);
    expect(net.neighbours['a']!.map((n) => n.id)).toEqual(['b', 'c']);
    expect(net.neighbours['d']).toEqual([]);
    expect(JSON.stringify(network(kb).nodes)).toBe(JSON.stringify(net.nodes));
  });

  it('keeps the most mentioned entities when there are too many', () => {
    const net = network(kb, { maxNodes: 2 });
    expect(net.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(net.edges).toHaveLength(1);
  });
});
