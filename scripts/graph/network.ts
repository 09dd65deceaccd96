/**
 * The whole network for `/graph/`: entities as nodes (sized by mentions), their
 * relations as edges, laid out once at build time by `forceLayout`. Large knowledge bases
 * are cut to the most mentioned entities and each one's strongest relations, so the page
 * stays readable and the layout fast.
 */
import type { EntityType, KnowledgeBase } from '../core/schema.ts';
import { forceLayout, round } from './layout.ts';
import { compareText } from '../core/collections.ts';

export interface NetworkNode {
  id: string;
  name: string;
  type: EntityType;
  path: string;
  mentions: number;
  x: number;
  y: number;
  r: number;
  /** Names drawn on the map; the rest show theirs on hover and in the list. */
  labelled: boolean;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  /** Both end types, for hiding an edge with either end's type. */
  types: [EntityType, EntityType];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Network {
  width: number;
  height: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Each node's neighbours by its id, strongest first: the text version of the map. */
  neighbours: Record<string, NetworkNode[]>;
}

export interface NetworkOptions {
  width?: number;
  height?: number;
  /** Most entities drawn. */
  maxNodes?: number;
  /** Strongest relations kept per entity. */
  perNode?: number;
  /** Names drawn on the map (the most mentioned). */
  maxLabels?: number;
}

export function network(
  kb: Pick<KnowledgeBase, 'entities'>,
  { width = 960, height = 640, maxNodes = 200, perNode = 4, maxLabels = 60 }: NetworkOptions = {},
): Network {
  const chosen = [...kb.entities]
    .sort(
      (a, b) =>
        b.mentions.length - a.mentions.length ||
        compareText(a.name, b.name) ||
        compareText(a.id, b.id),
    )
    .slice(0, maxNodes);
  const byId = new Map(chosen.map((e) => [e.id, e]));
  // An edge is kept when it is among the strongest few of either end.
  const kept = new Map<string, { source: string; target: string; weight: number }>();
  for (const entity of chosen) {
    const strongest = entity.related
      .filter((r) => byId.has(r.id) && r.id !== entity.id)
      .sort((a, b) => b.weight - a.weight || compareText(a.id, b.id))
      .slice(0, perNode);
    for (const r of strongest) {
      const [source, target] = entity.id < r.id ? [entity.id, r.id] : [r.id, entity.id];
      const key = `${source}\n${target}`;
      const weight = Math.max(kept.get(key)?.weight ?? 0, r.weight);
      kept.set(key, { source, target, weight });
    }
  }
  const links = [...kept.values()].sort(
    (a, b) => compareText(a.source, b.source) || compareText(a.target, b.target),
  );
  const positions = forceLayout([...byId.keys()], links, { width, height });
  const maxMentions = Math.max(1, ...chosen.map((e) => e.mentions.length));
  const nodes = chosen.map((e, rank): NetworkNode => ({
    id: e.id,
    name: e.name,
    type: e.type,
    path: e.path,
    mentions: e.mentions.length,
    ...positions.get(e.id)!,
    r: round(4 + 10 * Math.sqrt(e.mentions.length / maxMentions)),
    labelled: rank < maxLabels,
  }));
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const edges = links.map((l): NetworkEdge => {
    const a = nodeOf.get(l.source)!;
    const b = nodeOf.get(l.target)!;
    return {
      ...l,
      types: [a.type, b.type],
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
    };
  });
  const neighbours = new Map<string, NetworkNode[]>(nodes.map((n) => [n.id, []]));
  for (const l of [...links].sort((a, b) => b.weight - a.weight)) {
    neighbours.get(l.source)!.push(nodeOf.get(l.target)!);
    neighbours.get(l.target)!.push(nodeOf.get(l.source)!);
  }
  // A plain object: the network is laid out at emit and read back as JSON.
  return { width, height, nodes, edges, neighbours: Object.fromEntries(neighbours) };
}
