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
 * Pagefind's UI inserts excerpts as HTML. Pagefind escapes the page text in them already
 * and adds `<mark>` around hits; any other tag would be foreign, so every `<` that does not
 * open or close a highlight is turned into text. Existing entities are left as they are,
 * so nothing is escaped twice.
 */
export function escapeExcerpt(excerpt: string): string {
  return excerpt.replace(/<(?!\/?mark>)/g, '&lt;');
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
