/**
 * Gives every entity a slug and id. Two entities never share a URL: within a type,
 * the one with more mentions keeps the plain slug, the others get `-2`, `-3`, …
 */
import { entityId, slugify } from '../ids.ts';
import type { Entity } from './types.ts';

export function assignSlugs<T extends Entity>(entities: T[]): T[] {
  const ordered = [...entities].sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      b.mentions.length - a.mentions.length ||
      a.name.localeCompare(b.name),
  );
  const used = new Set<string>();
  for (const entity of ordered) {
    const base = slugify(entity.name);
    let slug = base;
    for (let n = 2; used.has(`${entity.type}/${slug}`); n++) slug = `${base}-${n}`;
    used.add(`${entity.type}/${slug}`);
    entity.slug = slug;
    entity.id = entityId(entity.type, slug);
  }
  return ordered.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
