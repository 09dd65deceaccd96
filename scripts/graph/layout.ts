/**
 * A deterministic force layout (Fruchterman–Reingold) for the network page: nodes repel,
 * edges pull by their weight, and a cooling step bounds each move. Computed at build time;
 * the browser only draws the SVG. Start positions come from a seed hashed from the node
 * ids, nodes are visited in a fixed order and coordinates are rounded, so the same graph
 * gives byte-identical output on every build.
 */
import { hashSeed, seededRandom } from './random.ts';

export interface LayoutEdge {
  source: string;
  target: string;
  /** Strength in (0, 1]; stronger edges pull harder. */
  weight: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Space kept free at each side (for labels). */
  margin?: number;
  iterations?: number;
}

/** Rounds to one decimal: enough for an SVG, and no float noise in the output. */
export const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Positions for `ids` (any order; sorted here) inside `width` × `height`. Disconnected
 * nodes drift outwards but stay in the box: the result is scaled to fit the margins.
 */
export function forceLayout(
  ids: readonly string[],
  edges: readonly LayoutEdge[],
  { width, height, margin = 40, iterations = 300 }: LayoutOptions,
): Map<string, Point> {
  const order = [...new Set(ids)].sort();
  const n = order.length;
  const result = new Map<string, Point>();
  if (n === 0) return result;
  if (n === 1) {
    result.set(order[0]!, { x: round(width / 2), y: round(height / 2) });
    return result;
  }
  const index = new Map(order.map((id, i) => [id, i]));
  const random = seededRandom(hashSeed(order.join('\n')));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = random() * width;
    ys[i] = random() * height;
  }
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target), e.weight] as const)
    .filter((l): l is readonly [number, number, number] => {
      const [a, b] = l;
      return a !== undefined && b !== undefined && a !== b;
    });
  const k = Math.sqrt((width * height) / n) * 1.2;
  const reach2 = (3 * k) ** 2;
  let temperature = width / 8;
  const cooling = temperature / (iterations + 1);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i]! - xs[j]!;
        let ddy = ys[i]! - ys[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        // Repulsion ends at a few ideal lengths (Fruchterman and Reingold's grid variant):
        // otherwise a node with no edge is pushed ever further and the rest shrinks to a dot.
        if (d2 > reach2) continue;
        if (d2 < 0.01) {
          // Two nodes on one spot: push them apart along a fixed direction.
          ddx = 0.1 * ((i % 7) + 1);
          ddy = 0.1 * ((j % 5) + 1);
          d2 = ddx * ddx + ddy * ddy;
        }
        const force = (k * k) / d2;
        dx[i]! += ddx * force;
        dy[i]! += ddy * force;
        dx[j]! -= ddx * force;
        dy[j]! -= ddy * force;
      }
    }
    for (const [a, b, weight] of links) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const force = (d / k) * (0.3 + weight);
      dx[a]! -= ddx * force;
      dy[a]! -= ddy * force;
      dx[b]! += ddx * force;
      dy[b]! += ddy * force;
    }
    // A weak pull to the middle keeps loose pieces from flying off.
    for (let i = 0; i < n; i++) {
      dx[i]! -= (xs[i]! - width / 2) * 0.05;
      dy[i]! -= (ys[i]! - height / 2) * 0.05;
      const length = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const move = Math.min(length, temperature);
      xs[i]! += (dx[i]! / length) * move;
      ys[i]! += (dy[i]! / length) * move;
    }
    temperature -= cooling;
  }
  return fit(order, xs, ys, width, height, margin);
}

/** Scales and centres the positions into the box inside the margins, keeping proportions. */
function fit(
  order: string[],
  xs: Float64Array,
  ys: Float64Array,
  width: number,
  height: number,
  margin: number,
): Map<string, Point> {
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const result = new Map<string, Point>();
  order.forEach((id, i) => {
    result.set(id, {
      x: round(offsetX + (xs[i]! - minX) * scale),
      y: round(offsetY + (ys[i]! - minY) * scale),
    });
  });
  return result;
}
