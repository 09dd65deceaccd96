/**
 * `dist/data/kb.json`: the whole knowledge graph, the data contract of DESIGN.md, as the
 * emit stage validated and wrote it.
 */
import type { APIRoute } from 'astro';
import { dataFile } from '../../lib/site';

export const GET: APIRoute = () =>
  new Response(dataFile('kb.json'), {
    headers: { 'content-type': 'application/json' },
  });
