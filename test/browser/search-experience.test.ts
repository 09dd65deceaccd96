/**
 * What a reader sees in search: the type of each hit and the matching words of its
 * mention, and close names offered when a query finds nothing (`src/lib/suggest.ts`).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './browser.ts';
import {
  editDistance,
  exactMatch,
  nearMisses,
  normalize,
  suggest,
  type NameEntry,
} from '../../src/lib/suggest.ts';

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

describe('a query that names an entity', () => {
  const kb = () =>
    JSON.parse(readFileSync(join(siteDir, 'data', 'kb.json'), 'utf8')) as {
      entities: Array<{ name: string; path: string; mentions: unknown[] }>;
    };
  const top = () =>
    kb()
      .entities.filter((e) => normalize(e.name).replace(/ /g, '').length >= 4)
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .slice(0, 10);

  it('puts that entity first, as a card with its type and mentions, for the ten most mentioned', async () => {
    for (const entity of top()) {
      await search(entity.name.toLowerCase());
      const card = session.page.locator('#search-goto a.goto-card');
      await card.waitFor();
      expect(await card.getAttribute('href'), entity.name).toBe(entity.path);
      expect(await card.locator('.goto-name').textContent()).toBe(entity.name);
      expect(await card.locator('.goto-count').textContent()).toMatch(
        new RegExp(`^${entity.mentions.length} mentions?$`),
      );
      const cardBox = (await card.boundingBox())!;
      const firstResult = await session.page.locator('.pagefind-ui__result').first().boundingBox();
      expect(cardBox.y).toBeLessThan(firstResult?.y ?? Infinity);
    }
  });

  it('offers that entity when one letter is wrong', async () => {
    for (const entity of top()) {
      // The letter in the middle of the name, changed to another.
      const at = Math.floor(entity.name.length / 2);
      const letter = entity.name[at]!.toLowerCase() === 'x' ? 'q' : 'x';
      const typo = entity.name.slice(0, at) + letter + entity.name.slice(at + 1);
      await search(typo);
      const offered = async () => {
        const suggested = await session.page.$$eval('#search-suggestions a', (as) =>
          as.map((a) => a.getAttribute('href')),
        );
        const titles = await session.page.$$eval('.pagefind-ui__result-title', (ts) =>
          ts.map((t) => t.textContent?.trim()),
        );
        return suggested.includes(entity.path) || titles.includes(entity.name);
      };
      await expect
        .poll(offered, { message: `${typo} (for ${entity.name})`, timeout: 5000 })
        .toBe(true);
    }
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
    ['Matthew Prince', '/people/matthew-prince/', 'Person', 30, 'Prince'],
    ['Cloudflare', '/organizations/cloudflare/', 'Organization', 40],
    ['Kiwi Farms', '/sites/kiwi-farms/', 'Website', 35, 'Kiwifarms'],
    ['Clara Sorrenti', '/people/clara-sorrenti/', 'Person', 12, 'Keffals'],
    ['Prince Charles', '/people/prince-charles/', 'Person', 2],
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

  it('knows the entity a query names, whatever its case, accents and punctuation', () => {
    expect(exactMatch('KIWIFARMS', names)).toMatchObject({ name: 'Kiwi Farms', mentions: 35 });
    expect(exactMatch(' cloudflare ', names)?.path).toBe('/organizations/cloudflare/');
    expect(exactMatch('prince', names)?.name).toBe('Matthew Prince');
    expect(exactMatch('Mathew Prince', names)).toBeUndefined();
  });

  it('offers a name one letter off beside results, and nothing for a name', () => {
    expect(nearMisses('Cloudflair', names).map((s) => s.name)).toEqual(['Cloudflare']);
    expect(nearMisses('Cloudflere', names).map((s) => s.name)).toEqual(['Cloudflare']);
    expect(nearMisses('Sorrenty', names).map((s) => s.name)).toEqual([]);
    expect(nearMisses('Clara Sorenti', names).map((s) => s.name)).toEqual(['Clara Sorrenti']);
    expect(nearMisses('Cloudflare', names)).toEqual([]);
  });

  it('offers nothing unlike any name, or for one letter', () => {
    expect(suggest('zebra crossing', names)).toEqual([]);
    expect(suggest('k', names)).toEqual([]);
  });
});
