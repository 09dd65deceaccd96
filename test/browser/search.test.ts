/** What only a browser can show: search ranking and filters, and mention links landing. */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowserPage();

async function search(query: string): Promise<void> {
  await session.page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await waitForResults();
}

/** Pagefind shows ". . ." placeholders until each result's fragment has loaded. */
async function waitForResults(): Promise<void> {
  await session.page.waitForFunction(() => {
    const titles = [...document.querySelectorAll('.pagefind-ui__result-title')];
    return titles.length > 0 && titles.every((t) => !/^[.\s]*$/.test(t.textContent ?? ''));
  });
}

/** The count in Pagefind's "N results for …" line. */
async function resultCount(): Promise<number> {
  const message = (await session.page.textContent('.pagefind-ui__message')) ?? '';
  return Number(/(\d+) results?/.exec(message)?.[1] ?? NaN);
}

const resultTitles = () =>
  session.page.$$eval('.pagefind-ui__result-title', (els) =>
    els.map((e) => e.textContent?.trim() ?? ''),
  );

describe('search', () => {
  it('lists the Matthew Prince page first for "Prince"', async () => {
    await search('Prince');
    const titles = await resultTitles();
    expect(titles[0]).toBe('Matthew Prince');
    const href = await session.page.getAttribute('.pagefind-ui__result-link', 'href');
    expect(href).toBe('/people/matthew-prince/');
  });

  it('narrows results with the type filter', async () => {
    await search('Kiwi Farms');
    const before = await resultCount();
    await session.page.click('.pagefind-ui__filter-name:has-text("Type")');
    await session.page.getByLabel(/^Website/).check();
    await session.page.waitForFunction((n) => {
      const match = /(\d+) results?/.exec(
        document.querySelector('.pagefind-ui__message')?.textContent ?? '',
      );
      return match !== null && Number(match[1]) < n;
    }, before);
    await waitForResults();
    const titles = await resultTitles();
    expect(await resultCount()).toBeGreaterThan(0);
    expect(titles).toContain('Kiwi Farms');
    expect(titles).not.toContain('Matthew Prince');
    const types = await session.page.$$eval('.pagefind-ui__result-excerpt', (els) => els.length);
    expect(types).toBeGreaterThan(0);
  });
});

describe('a name query', () => {
  // Story and article pages repeat names in their titles; the entity page must still win.
  for (const [query, name] of [
    ['Kiwi Farms', 'Kiwi Farms'],
    ['Cloudflare', 'Cloudflare'],
    ['Keffals', 'Clara Sorrenti'],
    ['Stamos', 'Alex Stamos'],
    ['DreamHost', 'DreamHost'],
  ]) {
    it(`"${query}" lists the ${name} page first`, async () => {
      await search(query!);
      expect((await resultTitles())[0]).toBe(name);
    });
  }
});

describe('following a mention', () => {
  it('lands on the paragraph that mentions the entity', async () => {
    await session.page.goto(`${siteUrl}people/matthew-prince/`);
    const link = session.page.locator('.mention-item .para-link').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await session.page.waitForURL((url) => url.hash.length > 1);
    const hash = new URL(session.page.url()).hash;
    expect(href.endsWith(hash)).toBe(true);
    const target = session.page.locator(`${hash}`);
    await expect(target.textContent()).resolves.toContain('Prince');
    const inView = await target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    // …and back: the paragraph links the entity page.
    await expect(
      target.locator('a.mention[href="/people/matthew-prince/"]').count(),
    ).resolves.toBeGreaterThan(0);
  });
});
