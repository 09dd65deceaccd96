/**
 * Keyboard only: the skip link comes first and shows, focus is always visible, `/` and
 * Ctrl+K open search from any page, and arrow keys walk the search results.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowserPage();

const focused = () =>
  session.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', cls: el?.className ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** The focused element's outline, as the reader sees it. */
const outline = () =>
  session.page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

describe('keyboard', () => {
  it('starts with a visible skip link that moves focus to the content', async () => {
    await session.page.goto(`${siteUrl}people/matthew-prince/`);
    await session.page.keyboard.press('Tab');
    expect((await focused()).cls).toContain('skip-link');
    const box = await session.page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await outline()).toMatchObject({ style: 'solid' });
    await session.page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
  });

  it('shows where the focus is on every link and button it reaches', async () => {
    await session.page.goto(`${siteUrl}people/matthew-prince/`);
    for (let i = 0; i < 25; i++) {
      await session.page.keyboard.press('Tab');
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
        await session.page.goto(siteUrl + path);
        await session.page.keyboard.press(press);
        expect((await focused()).id, path).toBe('header-q');
      }
    });
  }

  it('does not take "/" from a field the reader is typing in', async () => {
    await session.page.goto(siteUrl);
    await session.page.focus('#home-q');
    await session.page.keyboard.type('a/b');
    expect(await session.page.inputValue('#home-q')).toBe('a/b');
    expect((await focused()).id).toBe('home-q');
  });

  it('searches from the header and walks the results with arrow keys', async () => {
    await session.page.goto(`${siteUrl}people/`);
    await session.page.keyboard.press('/');
    await session.page.keyboard.type('Kiwi Farms');
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(/\/search\/\?q=Kiwi/);
    await session.page.waitForFunction(
      () => document.querySelectorAll('a.pagefind-ui__result-link').length > 1,
    );
    // On the search page the shortcut goes to Pagefind's own box.
    await session.page.keyboard.press('Control+k');
    expect((await focused()).cls).toContain('pagefind-ui__search-input');
    const links = await session.page.$$eval('a.pagefind-ui__result-link', (els) =>
      els.map((e) => e.textContent?.trim()),
    );
    await session.page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(links[0]);
    await session.page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(links[1]);
    expect(await outline()).toMatchObject({ style: 'solid' });
    await session.page.keyboard.press('ArrowUp');
    await session.page.keyboard.press('ArrowUp');
    expect((await focused()).cls).toContain('pagefind-ui__search-input');
  });
});
