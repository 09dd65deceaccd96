/**
 * Starts Pagefind's default UI on the search page and runs the query from `?q=`
 * (the search boxes on every page submit there, so they work without JavaScript too).
 */
interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
  processResult: (result: PagefindResult) => PagefindResult;
}

interface PagefindResult {
  excerpt: string;
  sub_results?: Array<{ excerpt: string }>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => { triggerSearch(term: string): void };
  }
}

export function startSearch(): void {
  const host = document.getElementById('search');
  if (!host || !window.PagefindUI) return;
  const ui = new window.PagefindUI({
    element: '#search',
    bundlePath: host.dataset.bundle ?? '/pagefind/',
    // Result links carry the site's base, so search works under a sub-path (/kb/).
    baseUrl: host.dataset.base ?? '/',
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    processResult: escapeExcerpts,
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
}

/**
 * Pagefind's UI inserts excerpts as HTML, and an excerpt is article text with `<mark>`
 * around the hits: text such as `<img onerror=…>` from an article would come alive. Escape
 * everything, then bring back only the highlight tags.
 */
export function escapeExcerpt(excerpt: string): string {
  return excerpt
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/&lt;(\/?)mark&gt;/g, '<$1mark>');
}

function escapeExcerpts(result: PagefindResult): PagefindResult {
  return {
    ...result,
    excerpt: escapeExcerpt(result.excerpt),
    sub_results: result.sub_results?.map((sub) => ({
      ...sub,
      excerpt: escapeExcerpt(sub.excerpt),
    })),
  };
}
