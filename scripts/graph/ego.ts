/**
 * The small graph on an entity page: the entity in the middle and its strongest
 * relations around it, clockwise from the top in order of strength. A fixed radial
 * layout, so it needs no iteration and reads the same on every build.
 */
import type { EntityType } from '../core/schema.ts';
import { round, type Point } from './layout.ts';
import { compareText } from '../core/collections.ts';

export interface EgoInput {
  id: string;
  name: string;
  type: EntityType;
  path: string;
}

export interface EgoNeighbour extends EgoInput {
  weight: number;
}

export interface EgoNode extends EgoInput, Point {
  /** Where the label goes: beside the node, away from the centre. */
  anchor: 'start' | 'middle' | 'end';
  labelX: number;
  labelY: number;
  r: number;
  weight: number;
}

export interface EgoGraph {
  width: number;
  height: number;
  center: EgoNode;
  neighbours: EgoNode[];
}

export const EGO_LIMIT = 8;

/**
 * Lays out `center` and up to `limit` neighbours (strongest first; ties by name, so the
 * order never depends on the input's). Returns undefined when there is nothing to draw.
 */
export function egoGraph(
  center: EgoInput,
  related: readonly EgoNeighbour[],
  { limit = EGO_LIMIT, width = 560, height = 300 } = {},
): EgoGraph | undefined {
  const strongest = [...related]
    .sort((a, b) => b.weight - a.weight || compareText(a.name, b.name) || compareText(a.id, b.id))
    .slice(0, limit);
  if (strongest.length === 0) return undefined;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - 130;
  const ry = height / 2 - 40;
  const neighbours = strongest.map((r, i): EgoNode => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / strongest.length;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const x = cx + rx * cos;
    const y = cy + ry * sin;
    const side = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const r6 = 6 + 6 * r.weight;
    return {
      ...r,
      x: round(x),
      y: round(y),
      r: round(r6),
      anchor: side,
      labelX: round(side === 'middle' ? x : x + (cos > 0 ? 1 : -1) * (r6 + 6)),
      labelY: round(side === 'middle' ? y + (sin < 0 ? -(r6 + 8) : r6 + 18) : y + 5),
    };
  });
  return {
    width,
    height,
    center: {
      ...center,
      weight: 1,
      x: round(cx),
      y: round(cy),
      r: 14,
      anchor: 'middle',
      labelX: round(cx),
      labelY: round(cy + 34),
    },
    neighbours,
  };
}
