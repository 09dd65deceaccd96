/**
 * An entity page's content, independent of where the site is hosted: its view with the
 * base taken off every site path (`path`, `href`), keys sorted. Its hash is the page's
 * version, so rebuilding the same content (under any base or origin, on any day) gives
 * the same version; the same value, stored, renders the frozen copy of that version.
 */
import { createHash } from 'node:crypto';
import type { EntityView } from '../core/views.ts';

/** Fields of a view that are site paths and carry the base. */
const PATH_KEYS = new Set(['path', 'href']);

/**
 * What is not the page's content: the version line itself, the hatnote naming other
 * entities of the same name, and the cite box (dated by the version, and by the build).
 */
const NOT_CONTENT = new Set(['version', 'disambiguation', 'citation']);

/** The view as stored: site paths start at `/` whatever the base. */
export type Snapshot = Record<string, unknown>;

function mapPaths(value: unknown, map: (path: string) => string, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => mapPaths(v, map, false));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (top && NOT_CONTENT.has(key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = PATH_KEYS.has(key) && typeof v === 'string' ? map(v) : mapPaths(v, map, false);
  }
  return out;
}

/** The view without base, version line or hatnote, keys sorted. */
export function snapshotOf(view: EntityView, base: string): Snapshot {
  return mapPaths(
    view,
    (path) => (path.startsWith(base) ? `/${path.slice(base.length)}` : path),
    true,
  ) as Snapshot;
}

/** A stored snapshot as a view of this build (its paths under `base`). */
export function viewOf(snapshot: Snapshot, base: string): EntityView {
  return mapPaths(
    snapshot,
    (path) => (path.startsWith('/') ? base + path.slice(1) : path),
    true,
  ) as unknown as EntityView;
}

/**
 * The view's own JSON made from its snapshot's, for a site with no base to put back
 * (base `/`, where `snapshotOf` maps no path): the keys a snapshot leaves out, then the
 * snapshot's. It parses to the view (keys in another order), and costs a fraction of
 * `JSON.stringify(view)`, which at 10,000 articles is 127 MB of entity views.
 */
export function viewJson(view: EntityView, snapshotJson: string): string {
  let left = '';
  for (const key of NOT_CONTENT) {
    const value = (view as unknown as Record<string, unknown>)[key];
    if (value !== undefined) left += `${JSON.stringify(key)}:${JSON.stringify(value)},`;
  }
  if (snapshotJson === '{}') return `{${left.slice(0, -1)}}`;
  return `{${left}${snapshotJson.slice(1)}`;
}

/** Seven hex digits of SHA-256 over the snapshot's JSON: short enough to read aloud. */
export function versionOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 7);
}
