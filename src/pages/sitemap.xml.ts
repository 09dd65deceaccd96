/**
 * `sitemap.xml` (sitemaps.org protocol): every page, with absolute URLs. The protocol
 * requires absolute URLs, so the file is only written when `KB_SITE` gives the origin.
 */
import type { APIRoute } from 'astro';
import { mentionPaths, site, urls } from '../lib/site';
import { ENTITY_TYPES } from '../../scripts/core/schema.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = () => {
  const paths = [
    urls.home(),
    urls.articles(),
    urls.search(),
    ...ENTITY_TYPES.map((t) => urls.typeIndex(t)),
    ...ENTITY_TYPES.map((t) => urls.typeIndexByMentions(t)),
    ...site.kb.articles.map((a) => a.path),
    ...site.kb.entities.map((e) => e.path),
    ...mentionPaths(),
    ...site.disambiguation.map((d) => d.path),
  ];
  const entries = paths.map(
    (path) => `  <url><loc>${escapeXml(urls.absolute(path) ?? path)}</loc></url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml' } });
};
