/**
 * What a reader sees in search: the type of each hit and the matching words of its
 * mention, and close names offered when a query finds nothing (`src/lib/suggest.ts`).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './browser.ts';
import { editDistance, normalize, suggest, type NameEntry } from '../../src/lib/suggest.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const session = useBrowserPage();

async function search(query: string): Promise<void> {
  await session.page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await session.page.waitForFunction(() => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
    if (/^No results/.test(message)) return true;
    const titles = [...document.querySelectorAll('.pagefind-ui__result-title')];
    return titles.length > 0 && titles.every((t) => !/^[.\s]*$/.test(t.textContent ?? ''));
  });
}

describe('search results', () => {
  it('show the type of every hit', async () => {
    await search('Kiwi Farms');
    const rows = await session.page.$$eval('.pagefind-ui__result', (results) =>
      results.map((r) => ({
        title: r.querySelector('.pagefind-ui__result-title')?.textContent?.trim(),
        type: r.querySelector('[data-pagefind-ui-meta="type"]')?.textContent?.trim(),
      })),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.type, row.title).toMatch(/^Type: \w+/);
    expect(rows.find((r) => r.title === 'Kiwi Farms')?.type).toBe('Type: Website');
    expect(rows.some((r) => r.type === 'Type: Article')).toBe(true);
  });

  it('show the matching words of the mention, highlighted, without hidden link text', async () => {
    await search('Prince');
    const excerpts = await session.page.$$eval('.pagefind-ui__result-excerpt', (els) =>
      els.map((e) => e.innerHTML),
    );
    expect(excerpts.some((e) => /<mark>Prince/.test(e))).toBe(true);
    expect(excerpts.join(' ')).not.toContain('go to paragraph');
  });

  it('suggest close names when nothing matches', async () => {
    await search('Clowdflare');
    await session.page.waitForSelector('#search-suggestions .suggest-list a');
    const links = await session.page.$$eval('#search-suggestions a', (els) =>
      els.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(links[0]).toEqual(['Cloudflare', '/organizations/cloudflare/']);
    // A new query with results takes the suggestions away.
    await session.page.fill('.pagefind-ui__search-input', 'Cloudflare');
    await session.page.waitForSelector('#search-suggestions .suggest-list', { state: 'detached' });
  });

  it('offers nothing for a query like no name', async () => {
    await search('qqqqqq');
    await session.page.waitForTimeout(300);
    expect(await session.page.locator('#search-suggestions a').count()).toBe(0);
  });
});

describe('names.json', () => {
  it('lists every entity page in a small file', () => {
    const file = join(siteDir, 'data', 'names.json');
    const names = JSON.parse(readFileSync(file, 'utf8')) as NameEntry[];
    const kb = JSON.parse(readFileSync(join(siteDir, 'data', 'kb.json'), 'utf8')) as {
      entities: Array<{ name: string; path: string }>;
    };
    expect(names.map(([name, path]) => [name, path])).toEqual(
      kb.entities.map((e) => [e.name, e.path]),
    );
    // About 60 bytes an entity: small next to any page.
    expect(statSync(file).size).toBeLessThan(120 * names.length);
  });
});

describe('suggest', () => {
  const names: NameEntry[] = [
    ['Matthew Prince', '/people/matthew-prince/', 'Prince'],
    ['Cloudflare', '/organizations/cloudflare/'],
    ['Kiwi Farms', '/sites/kiwi-farms/', 'Kiwifarms'],
    ['Clara Sorrenti', '/people/clara-sorrenti/', 'Keffals'],
  ];

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(normalize('  Ãnne-Marie  O’Neil ')).toBe('anne marie o neil');
  });

  it('finds misspelt names, words of names and aliases', () => {
    expect(suggest('Mathew Prins', names)[0]?.name).toBe('Matthew Prince');
    expect(suggest('Sorentti', names)[0]?.name).toBe('Clara Sorrenti');
    expect(suggest('kefals', names)[0]?.name).toBe('Clara Sorrenti');
    expect(suggest('kiwi farm', names)[0]?.name).toBe('Kiwi Farms');
  });

  it('offers nothing unlike any name, or for one letter', () => {
    expect(suggest('zebra crossing', names)).toEqual([]);
    expect(suggest('k', names)).toEqual([]);
  });
});
