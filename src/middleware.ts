/**
 * Hands every rendered page that carries a `data-pagefind-body` to the search index
 * while the build goes on (see `scripts/astro/pagefind.ts`). Pages are unchanged.
 */
import type { MiddlewareHandler } from 'astro';
import { feedRenderedPage } from '../scripts/astro/pagefind.ts';

// Typed from 'astro' itself, not the virtual 'astro:middleware' module, whose types
// exist only after a build has generated them (a fresh clone type-checks first).
export const onRequest: MiddlewareHandler = async ({ url }, next) => {
  const response = await next();
  if (
    !url.pathname.endsWith('/') ||
    !/^text\/html/.test(response.headers.get('content-type') ?? '')
  )
    return response;
  const html = await response.text();
  if (html.includes('data-pagefind-body')) await feedRenderedPage(url.pathname, html);
  return new Response(html, response);
};
