/** `dist/data/kb.json`: the whole knowledge graph, the data contract of DESIGN.md. */
import type { APIRoute } from 'astro';
import { site } from '../../lib/site';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(site.kb, null, 1), {
    headers: { 'content-type': 'application/json' },
  });
