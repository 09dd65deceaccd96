/**
 * HTML for the pages that keep URLs alive. Redirects are small static pages (meta refresh
 * plus a visible link and a canonical URL, so they work on any host without server rules);
 * a "what became of it" page reuses the site's own 404 page as its frame.
 */
import { CONTENT_SECURITY_POLICY } from '../core/security.ts';
import type { PlannedPage } from './plan.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function redirectHtml(page: Extract<PlannedPage, { kind: 'redirect' }>): string {
  const target = escape(page.target);
  const name = escape(page.targetName);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${name}</title>
<meta http-equiv="refresh" content="0; url=${target}">
<link rel="canonical" href="${target}">
<meta name="robots" content="noindex">
</head>
<body>
<p>${
    page.version
      ? `Version ${escape(page.version)} is the current version of <a href="${target}">${name}</a>.`
      : `“${escape(page.name)}” is now at <a href="${target}">${name}</a>.`
  }</p>
</body>
</html>
`;
}

/**
 * The page for an entity, article or story that is no longer in the knowledge base. `frame` is the built
 * 404 page; its <title>, description and <main> are replaced.
 */
export function gonePageHtml(
  page: Extract<PlannedPage, { kind: 'gone' }>,
  frame: string,
  articlePath: (id: string) => string | undefined,
): string {
  const { entry } = page;
  const sources = entry.articles.map((a) => {
    const path = articlePath(a.id);
    return `<li>${path ? `<a href="${escape(path)}">${escape(a.title)}</a>` : `${escape(a.title)} (no longer in this knowledge base)`}</li>`;
  });
  const lede =
    entry.type === 'article'
      ? 'This article had a page here, but it was removed from this knowledge base.'
      : entry.type === 'story'
        ? 'A story had a page here, but its articles were removed or no longer tell one story.'
        : `This ${escape(entry.type)} had a page here, but the articles that named it were removed or edited, so it is no longer an entity of this knowledge base.`;
  const heading = entry.type === 'story' ? 'Its versions were' : 'It was named in';
  const main = `<h1>${escape(entry.name)}</h1>
<p class="lede">${lede} The address is kept so that links and citations to it do not break.</p>
${sources.length ? `<h2>${heading}</h2>\n<ul>${sources.join('\n')}</ul>` : ''}`;
  // Replacements are functions: a name holding `$'` or `$&` must stay text, never a
  // replacement pattern that splices the page into itself.
  return frame
    .replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escape(entry.name)} (no longer listed)</title>`,
    )
    .replace(
      /<meta name="description" content="[^"]*"/,
      () =>
        `<meta name="description" content="${escape(entry.name)} is no longer in this knowledge base."`,
    )
    .replace(
      /(<main[^>]*>)[\s\S]*(<\/main>)/,
      (_, open: string, close: string) => `${open}\n${main}\n${close}`,
    );
}
