/**
 * The one `slugify()` and the branded id types. Ids are the stable keys of the
 * knowledge graph; slugs are the last URL segment.
 */
import { createHash } from 'node:crypto';
import type { EntityType } from './schema.ts';

export type ArticleId = string & { readonly __brand: 'ArticleId' };
export type EntityId = string & { readonly __brand: 'EntityId' };

/** Windows device names: a folder called `con` cannot be created there. */
const RESERVED = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  'com1',
  'com2',
  'com3',
  'com4',
  'lpt1',
  'lpt2',
  'lpt3',
]);
const MAX_SLUG = 80;

/** A short, stable hex digest of a string. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * A URL- and file-safe slug: lowercase letters and digits of any script joined by
 * hyphens, diacritics removed, at most 80 characters. Never empty, never `.`/`..`,
 * never a reserved device name: those fall back to a hash of the input.
 */
export function slugify(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG)
    slug = slug.slice(0, MAX_SLUG).replace(/-+[^-]*$/, '') || slug.slice(0, MAX_SLUG);
  if (!slug || RESERVED.has(slug)) slug = [slug, shortHash(name)].filter(Boolean).join('-');
  return slug;
}

export function articleId(slug: string): ArticleId {
  return slug as ArticleId;
}

export function entityId(type: EntityType, slug: string): EntityId {
  return `${type}/${slug}` as EntityId;
}
