/**
 * `dist/data/names.json`: every entity's name, page and other spellings, for "did you
 * mean" suggestions when a search finds nothing (`src/lib/suggest.ts`). Only what the
 * match needs, one short array per entity, so the file stays small.
 */
import type { APIRoute } from 'astro';
import { readKnowledgeBase } from '../../lib/site';
import type { NameEntry } from '../../lib/suggest';

export const GET: APIRoute = () => {
  const names: NameEntry[] = readKnowledgeBase().entities.map((e) => [
    e.name,
    e.path,
    ...e.aliases.filter((a) => a !== e.name),
  ]);
  return new Response(JSON.stringify(names), {
    headers: { 'content-type': 'application/json' },
  });
};
