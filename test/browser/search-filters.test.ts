/**
 * A `?q=` search shows every filter, however slowly the filter chunks load. Pagefind UI
 * 1.6 takes its filter list from the first search's result when that comes before its
 * `filters()` answer, and a result counts only the chunks loaded by then. So here the
 * first filter chunk loads at once, the index chunks a moment after it, and every other
 * filter chunk only once results show (or 3 s have passed): a search that does not wait
 * for the filters finishes between the two and leaves a filter out, every time.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './browser.ts';

const siteUrl = inject('siteUrl');
// With the site's service worker blocked, every chunk request reaches the routes below.
const session = useBrowserPage({ serviceWorkers: 'block' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a search page opened with ?q=', () => {
  it('shows the Type and Publisher filters when a filter chunk loads late', async () => {
    const { page } = session;
    let requested = 0;
    let firstLoaded!: () => void;
    const first = new Promise<void>((resolve) => (firstLoaded = resolve));
    await page.route('**/pagefind/filter/*.pf_filter', async (route) => {
      if (requested++ === 0) {
        await route.continue();
        firstLoaded();
        return;
      }
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 3_000 }).catch(() => {});
      await route.continue();
    });
    await page.route('**/pagefind/index/*.pf_index', async (route) => {
      // Time for Pagefind to read the first filter chunk before the search can run.
      await first.then(() => sleep(300));
      await route.continue();
    });
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent('Kiwi Farms')}`);
    await page.waitForSelector('.pagefind-ui__result-link');
    const filters = await page.$$eval('.pagefind-ui__filter-name', (names) =>
      names.map((n) => n.textContent?.trim()),
    );
    expect(requested, 'filter chunks requested (one is held back)').toBeGreaterThan(1);
    expect(filters.sort()).toEqual(['Publisher', 'Type']);
  });
});
