/** `robots.txt`: every crawler welcome, archive crawlers included; the sitemap when the origin is known. */
import type { APIRoute } from 'astro';
import { urls } from '../lib/site';

export const GET: APIRoute = () => {
  const sitemap = urls.absolute(urls.asset('sitemap.xml'));
  const lines = ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
  return new Response(lines.join('\n') + '\n', {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
