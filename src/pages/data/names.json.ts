/**
 * `dist/data/names.json`: every entity's name, page and other spellings, for "did you
 * mean" suggestions when a search finds nothing (`src/lib/suggest.ts`), as the emit
 * stage wrote it.
 */
import type { APIRoute } from 'astro';
import { dataFile } from '../../lib/site';

export const GET: APIRoute = () =>
  new Response(dataFile('names.json'), {
    headers: { 'content-type': 'application/json' },
  });
