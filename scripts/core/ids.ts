/**
 * The one `slugify()` and the branded id types. Ids are the stable keys of the
 * knowledge graph; slugs are the last URL segment.
 */
import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';
import { normalizeName, withoutJoiners } from './names.ts';
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

/** CJK characters: each is a syllable, and a slug reads better with them apart ("xi-jin-ping"). */
const SYLLABIC = /([\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])/gu;

/**
 * A URL- and file-safe slug: the name transliterated to ASCII (any-ascii: "Støre" →
 * "store", "Песков" → "peskov", "习近平" → "xi-jin-ping", "🔥" → "fire"), lowercase
 * letters and digits joined by hyphens, at most 80 characters. ASCII because such a path
 * is the same on every static host, under a sub-path, from `file://`, in a zip unpacked
 * on macOS (which stores file names decomposed, NFD) or Windows, and in Pagefind, with no
 * percent-encoding to disagree about. Never empty, never `.`/`..`, never a reserved
 * device name: those fall back to a hash of the input.
 */
export function slugify(name: string): string {
  const clean = withoutJoiners(normalizeName(name));
  let slug = anyAscii(clean.replace(SYLLABIC, ' $1 '))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG)
    slug = slug.slice(0, MAX_SLUG).replace(/-+[^-]*$/, '') || slug.slice(0, MAX_SLUG);
  if (!slug || RESERVED.has(slug)) slug = [slug, shortHash(clean)].filter(Boolean).join('-');
  return slug;
}

export function articleId(slug: string): ArticleId {
  return slug as ArticleId;
}

export function entityId(type: EntityType, slug: string): EntityId {
  return `${type}/${slug}` as EntityId;
}
