/**
 * Keyboard only: the skip link comes first and shows, focus is always visible, `/` and
 * Ctrl+K open search from any page, and arrow keys walk the search results.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', cls: el?.className ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** The focused element's outline, as the reader sees it. */
const outline = () =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

describe('keyboard', () => {
  it('starts with a visible skip link that moves focus to the content', async () => {
    await page.goto(`${siteUrl}people/matthew-prince/`);
    await page.keyboard.press('Tab');
    expect((await focused()).cls).toContain('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await outline()).toMatchObject({ style: 'solid' });
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
  });

  it('shows where the focus is on every link and button it reaches', async () => {
    await page.goto(`${siteUrl}people/matthew-prince/`);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const { style, width } = await outline();
      expect(style, `tab ${i}: ${JSON.stringify(await focused())}`).not.toBe('none');
      expect(width).toBeGreaterThanOrEqual(2);
    }
  });

  for (const [name, press] of [
    ['/', '/'],
    ['Ctrl+K', 'Control+k'],
  ] as const) {
    it(`${name} puts the focus in the header search box on any page`, async () => {
      for (const path of ['', 'people/', 'sites/kiwi-farms/', 'articles/']) {
        await page.goto(siteUrl + path);
        await page.keyboard.press(press);
        expect((await focused()).id, path).toBe('header-q');
      }
    });
  }

  it('does not take "/" from a field the reader is typing in', async () => {
    await page.goto(siteUrl);
    await page.focus('#home-q');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#home-q')).toBe('a/b');
    expect((await focused()).id).toBe('home-q');
  });

  it('searches from the header and walks the results with arrow keys', async () => {
    await page.goto(`${siteUrl}people/`);
    await page.keyboard.press('/');
    await page.keyboard.type('Kiwi Farms');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Kiwi/);
    await page.waitForFunction(
      () => document.querySelectorAll('a.pagefind-ui__result-link').length > 1,
    );
    // On the search page the shortcut goes to Pagefind's own box.
    await page.keyboard.press('Control+k');
    expect((await focused()).cls).toContain('pagefind-ui__search-input');
    const links = await page.$$eval('a.pagefind-ui__result-link', (els) =>
      els.map((e) => e.textContent?.trim()),
    );
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(links[1]);
    expect(await outline()).toMatchObject({ style: 'solid' });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focused()).cls).toContain('pagefind-ui__search-input');
  });
});
