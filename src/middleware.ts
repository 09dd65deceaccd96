/**
 * Hands every rendered page of a route list (`shardRoutes` in `src/lib/site.ts`) to the
 * search feed while the build goes on, with its HTML when it carries a
 * `data-pagefind-body` (see `scripts/astro/pagefind.ts`) and the hash of its bytes, and
 * leaves the single pages to the first render process (`scripts/astro/shards.ts`).
 * In a render process, it writes the pages of route lists itself
 * (`scripts/astro/page-files.ts`). Pages are unchanged.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'astro';
import { feedRenderedPage, type PagePosition } from '../scripts/astro/pagefind.ts';
import { writeRenderedPage } from '../scripts/astro/page-files.ts';
import { rendersSinglePages, routeLists } from './lib/site';

// Typed from 'astro' itself, not the virtual 'astro:middleware' module, whose types
// exist only after a build has generated them (a fresh clone type-checks first).
export const onRequest: MiddlewareHandler = async ({ url, props }, next) => {
  const position = (props as { position?: PagePosition }).position;
  // A page with no body is not written: the first render process writes the single pages.
  if (!position && !rendersSinglePages) return new Response(null);
  const response = await next();
  if (
    !url.pathname.endsWith('/') ||
    !/^text\/html/.test(response.headers.get('content-type') ?? '')
  )
    return response;
  // As bytes: what Astro writes, hashed as they are and handed back without encoding again.
  const bytes = Buffer.from(await response.arrayBuffer());
  const html = bytes.toString('utf8');
  const searchable = html.includes('data-pagefind-body');
  if (position) {
    await feedRenderedPage(
      position,
      routeLists(),
      searchable ? { pathname: url.pathname, content: html } : undefined,
      // The service worker's hash of the file, without reading it back
      // (`scripts/astro/service-worker.ts`).
      { pathname: url.pathname, sha256: createHash('sha256').update(bytes).digest('hex') },
    );
    // Written here, so Astro, given no body, writes nothing (`page-files.ts`).
    if (writeRenderedPage(url.pathname, bytes)) return new Response(null, response);
  } else if (searchable)
    // Its place in the index's order would depend on how many processes rendered.
    throw new Error(
      `${url.pathname} is searchable but its route is not a list of shardRoutes (src/lib/site.ts)`,
    );
  return new Response(bytes, response);
};
