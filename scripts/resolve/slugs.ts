/**
 * Gives every entity a slug and id. Two entities never share a URL: within a type, the
 * one with more mentions gets the plain slug, the others `-2`, `-3`, … A slug already
 * published (`content/published.json`) keeps its entity, so a URL never changes meaning
 * when a namesake grows more mentions: among entities of that name and type, it goes to
 * the one that shares most sources with what the ledger recorded there (issue 5).
 */
import { entityId, slugify } from '../core/ids.ts';
import type { Entity } from '../core/types.ts';
import { compareText } from '../core/collections.ts';

/** An entity URL as the ledger remembers it: its id then, name and sources. */
export interface PublishedEntity {
  id: string;
  name: string;
  articles: string[];
}

const nameKey = (type: string, name: string) => `${type}/${slugify(name)}`;

export function assignSlugs<T extends Entity>(
  entities: T[],
  published: PublishedEntity[] = [],
): T[] {
  const ordered = [...entities].sort(
    (a, b) =>
      compareText(a.type, b.type) ||
      b.mentions.length - a.mentions.length ||
      compareText(a.name, b.name),
  );
  const used = new Set<string>();
  const claimed = claimPublishedSlugs(ordered, published, used);
  for (const entity of ordered) {
    let slug = claimed.get(entity);
    if (!slug) {
      const base = slugify(entity.name);
      slug = base;
      for (let n = 2; used.has(`${entity.type}/${slug}`); n++) slug = `${base}-${n}`;
      used.add(`${entity.type}/${slug}`);
    }
    entity.slug = slug;
    entity.id = entityId(entity.type, slug);
  }
  return ordered.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Published slugs of names that two or more entities of a type now share: each goes to
 * the namesake with most sources in common with the ledger's record (ties: more
 * mentions), and stays reserved when none has any, so that no other entity takes it.
 */
function claimPublishedSlugs<T extends Entity>(
  ordered: T[],
  published: PublishedEntity[],
  used: Set<string>,
): Map<T, string> {
  const claimed = new Map<T, string>();
  if (!published.length) return claimed;
  const namesakes = new Map<string, T[]>();
  for (const entity of ordered) {
    const key = nameKey(entity.type, entity.name);
    const list = namesakes.get(key);
    if (list) list.push(entity);
    else namesakes.set(key, [entity]);
  }
  const records = [...published].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const record of records) {
    const type = record.id.slice(0, record.id.indexOf('/'));
    const group = namesakes.get(nameKey(type, record.name));
    if (!group || group.length < 2) continue;
    const sources = new Set(record.articles);
    let best: T | undefined;
    let bestShared = 0;
    for (const entity of group) {
      if (claimed.has(entity)) continue;
      const shared = new Set(entity.mentions.map((m) => m.article).filter((a) => sources.has(a)))
        .size;
      if (shared > bestShared) [best, bestShared] = [entity, shared];
    }
    used.add(record.id);
    if (best) claimed.set(best, record.id.slice(type.length + 1));
  }
  return claimed;
}
