/**
 * Accessibility: axe-core (every rule it runs by default, best practices included, plus
 * WCAG 2.2's target size, which Lighthouse also checks) finds no violation at all on each
 * kind of page, in the light and the dark colour scheme, on a phone and a wide screen.
 * axe is evaluated in the page through the debugging protocol, which the page's security
 * policy (no inline script) does not apply to.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { violations } from './axe.ts';
import { ARCHIVED_VERSION } from '../global-setup.ts';

const siteUrl = inject('siteUrl');

/** One page of each kind; the search page with results on screen. */
const PAGES: Array<[kind: string, path: string]> = [
  ['home', ''],
  ['people index', 'people/'],
  ['organizations index', 'organizations/'],
  ['websites index', 'sites/'],
  ['campaigns index', 'campaigns/'],
  ['places index', 'places/'],
  ['events index', 'events/'],
  ['articles index', 'articles/'],
  ['stories index', 'stories/'],
  ['entity page', 'people/matthew-prince/'],
  ['archived version of an entity page', `people/matthew-prince/v/${ARCHIVED_VERSION}/`],
  ['article page', 'articles/cloudflare-abandons-kiwifarms/'],
  ['story page', 'stories/cloudflare-abandons-kiwifarms/'],
  ['network graph', 'graph/'],
  ['search with results', 'search/?q=Prince'],
  ['search with suggestions', 'search/?q=Clowdflare'],
  ['search with a go-to card', 'search/?q=cloudflare'],
  ['404', 'no-such-page/'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

for (const [scheme, width] of [
  ['light', 1280],
  ['dark', 1280],
  ['light', 375],
  ['dark', 375],
] as const) {
  describe(`axe, ${scheme} scheme, ${width} px`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ colorScheme: scheme, viewport: { width, height: 900 } });
    });
    afterAll(async () => page?.close());

    for (const [kind, path] of PAGES) {
      it(`${kind} has no violation`, async () => {
        await page.goto(siteUrl + path);
        if (path.startsWith('search/?q=Prince')) {
          await page.waitForFunction(() => {
            const titles = [...document.querySelectorAll('.pagefind-ui__result-title')];
            return titles.length > 0 && titles.every((t) => !/^[.\s]*$/.test(t.textContent ?? ''));
          });
        }
        if (path.startsWith('search/?q=Clowdflare')) await page.waitForSelector('.suggest-list a');
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}
