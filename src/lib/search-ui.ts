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
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
}
