/**
 * Starts Pagefind's default UI on the search page and runs the query from `?q=`
 * (the search boxes on every page submit there, so they work without JavaScript too),
 * once every filter of the index has loaded.
 */
import {
  exactMatch,
  nearMisses,
  normalize,
  suggest,
  type NameEntry,
  type Suggestion,
} from './suggest.ts';

/**
 * What Pagefind's UI passes to Pagefind's `options()`: its `excerptLength`, and every
 * option of ours it does not know itself (here `baseUrl`).
 */
interface PagefindOptions {
  baseUrl: string;
  excerptLength: number;
}

interface PagefindUIOptions extends PagefindOptions {
  element: string;
  bundlePath: string;
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

/** The part of Pagefind's module (`pagefind.js`) used here. */
interface PagefindModule {
  options(options: PagefindOptions): Promise<void>;
  filters(): Promise<unknown>;
}

interface PagefindUI {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUI;
    /** The portable copy's stand-in for `import()` (scripts/portable/runtime.js). */
    DossierPortable?: { pagefind(bundlePath: string): Promise<PagefindModule> };
  }
}

export function startSearch(): void {
  const host = document.getElementById('search');
  if (!host || !window.PagefindUI) return;
  host.classList.add('search-ready');
  const bundlePath = host.dataset.bundle ?? '/pagefind/';
  const pagefind: PagefindOptions = {
    // Result links carry the site's base, so search works under a sub-path (/kb/).
    baseUrl: host.dataset.base ?? '/',
    // The UI's own default with sub-results, named so `loadFilters` passes the same.
    excerptLength: 12,
  };
  const ui = new window.PagefindUI({
    element: '#search',
    bundlePath,
    ...pagefind,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    processResult: escapeExcerpts,
  });
  labelInput(host);
  navigateWithArrows(host);
  nameHelpers(host);
  const query = new URLSearchParams(location.search).get('q');
  if (query) runQuery(host, ui, query, loadFilters(bundlePath, pagefind));
}

/**
 * Runs the `?q=` search once `filtersLoaded` settles (see `loadFilters`). The query is
 * in the box at once; a reader who edits it meanwhile keeps their own search. Should
 * Pagefind fail to load, the UI's own search reports it.
 */
function runQuery(
  host: HTMLElement,
  ui: PagefindUI,
  query: string,
  filtersLoaded: Promise<void>,
): void {
  const input = host.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  if (input) input.value = query;
  void filtersLoaded
    .catch(() => undefined)
    .then(() => {
      if (!input || input.value === query) ui.triggerSearch(query);
    });
}

/**
 * Loads every filter of the index into the Pagefind module the UI uses, so the `?q=`
 * search can wait for them. Pagefind UI 1.6 fills its filter list from the first search
 * result, which counts only the filter chunks loaded so far, and takes `filters()` (all
 * of them) only while that list is empty: a search that finished between two chunks
 * left "Type" out until a reload. The module is the UI's own instance (one `import()` per
 * URL, and a hosted bundle path is root-relative; the portable loader keeps one per
 * bundle path). `options()` comes first, with the UI's values: the first call that opens
 * the index fixes its options (the portable copy's base path among them), and the UI's
 * own call repeats them. The cost: the UI's 300 ms debounce now follows this load
 * instead of overlapping it (about 0.15–0.3 s later results on a first visit).
 */
async function loadFilters(bundlePath: string, options: PagefindOptions): Promise<void> {
  const module: PagefindModule = window.DossierPortable
    ? await window.DossierPortable.pagefind(bundlePath)
    : await import(/* @vite-ignore */ new URL(`${bundlePath}pagefind.js`, document.baseURI).href);
  await module.options(options);
  await module.filters();
}

/** Pagefind's box has only a title; screen readers and axe want a real name. */
function labelInput(host: HTMLElement): void {
  const input = host.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  input?.setAttribute('aria-label', 'Search the knowledge base');
  input?.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
}

/**
 * Arrow keys move between the search box and the result links (down from the box to the
 * first result, up from the first back to the box), so results are read and opened
 * without tabbing past every filter. Tab order is unchanged.
 */
function navigateWithArrows(host: HTMLElement): void {
  host.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const input = host.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
    const links = [...host.querySelectorAll<HTMLAnchorElement>('a.pagefind-ui__result-link')];
    const target = event.target as Element;
    const at = target instanceof HTMLAnchorElement ? links.indexOf(target) : -1;
    let next: HTMLElement | undefined;
    if (target === input) next = event.key === 'ArrowDown' ? links[0] : undefined;
    else if (at >= 0) next = event.key === 'ArrowDown' ? links[at + 1] : (links[at - 1] ?? input!);
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
}

/**
 * What the search page adds to Pagefind's results, from `names.json` (fetched once, on
 * the first query): a "go to" card for the entity the query names, above every result,
 * whatever the full-text ranking; "Did you mean" for names the query nearly is when no
 * result's title holds them, and for the closest names when nothing matched. Where
 * `fetch` cannot read files (the portable copy on file://) neither appears.
 */
function nameHelpers(host: HTMLElement): void {
  const card = document.getElementById('search-goto');
  const box = document.getElementById('search-suggestions');
  const url = host.dataset.names;
  // From file:// (the portable copy) `fetch` cannot read files: no card, no suggestions,
  // and no failed request in the console.
  if (!card || !box || !url || location.protocol === 'file:') return;
  let names: Promise<NameEntry[]> | undefined;
  let shown = '';
  const update = async () => {
    const query = host.querySelector<HTMLInputElement>('.pagefind-ui__search-input')?.value ?? '';
    const message = host.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
    const titles = [...host.querySelectorAll('.pagefind-ui__result-title')].map((t) =>
      normalize(t.textContent ?? ''),
    );
    const empty = /^No results/i.test(message);
    const key = `${query}\n${empty}\n${titles.join('\n')}`;
    if (key === shown) return;
    shown = key;
    if (!query.trim()) {
      card.replaceChildren();
      box.replaceChildren();
      return;
    }
    names ??= fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<NameEntry[]>) : []))
      .catch(() => []);
    const list = await names;
    if (shown !== key) return;
    const match = exactMatch(query, list);
    renderCard(card, match);
    const offered = empty
      ? suggest(query, list)
      : nearMisses(query, list).filter(
          (s) => !titles.some((title) => title.includes(normalize(s.name))),
        );
    renderSuggestions(box, match ? [] : offered);
  };
  new MutationObserver(() => void update()).observe(host, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

const mentionsText = (n: number) => `${n.toLocaleString('en')} mention${n === 1 ? '' : 's'}`;

/** The "go to" card: type, name and mention count of the entity the query names. */
function renderCard(card: HTMLElement, match: Suggestion | undefined): void {
  if (!match) {
    card.replaceChildren();
    return;
  }
  const link = document.createElement('a');
  link.className = 'goto-card';
  link.href = match.path;
  const type = document.createElement('span');
  type.className = 'goto-type';
  type.textContent = match.type;
  const name = document.createElement('span');
  name.className = 'goto-name';
  name.textContent = match.name;
  const count = document.createElement('span');
  count.className = 'goto-count';
  count.textContent = mentionsText(match.mentions);
  link.append(type, name, count);
  card.replaceChildren(link);
}

/** "Did you mean" links, as text nodes and attributes only (names are untrusted text). */
function renderSuggestions(box: HTMLElement, found: Suggestion[]): void {
  if (found.length === 0) {
    box.replaceChildren();
    return;
  }
  const heading = document.createElement('p');
  heading.className = 'suggest-heading';
  heading.textContent = found.length === 1 ? 'Did you mean this?' : 'Did you mean one of these?';
  const list = document.createElement('ul');
  list.className = 'suggest-list';
  for (const { name, path, type, mentions } of found) {
    const link = document.createElement('a');
    link.href = path;
    link.textContent = name;
    const item = document.createElement('li');
    item.append(link, ` (${type}, ${mentionsText(mentions)})`);
    list.append(item);
  }
  box.replaceChildren(heading, list);
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
