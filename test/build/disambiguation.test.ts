/**
 * Issue 5's disambiguation, with a real build: a town and a festival both called
 * Woodstock (curated entities, one with articles) keep their own URLs, a page at
 * /disambiguation/woodstock/ lists both with type, description and sources, each entity
 * page carries a hatnote to it, and the page is in the sitemap and search but adds no
 * entity type to Pagefind's filter. axe finds no violation on it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/core/schema.ts';
import { serveSite } from '../../scripts/cli/serve.ts';
import { launchChromium } from '../browser/browser.ts';
import { violations } from '../browser/axe.ts';
import { tempTree } from '../helpers.ts';

let work: string;
const dist = () => join(work, 'dist');
const html = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');

beforeAll(() => {
  work = tempTree({
    'content/entities/place/woodstock.md':
      '---\nname: Woodstock\ntype: place\ndescription: Town in Ulster County, New York\n---\n',
    'content/entities/event/woodstock.md':
      '---\nname: Woodstock\ntype: event\ndescription: Music festival held near Bethel, New York, in August 1969\n---\n',
    'content/articles/town.md':
      '---\ntitle: Woodstock town board approves new library\npublisher: The Daily Example\ndate: 2023-05-02\n---\n\nThe town board of Woodstock voted on Tuesday to build a new library on Tinker Street, supervisor Bill McKenna said.\n\nResidents of Woodstock had asked for a larger building for years, McKenna said.\n',
  });
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_SITE: 'https://kb.example.org',
      KB_BASE: '',
      KB_CONTENT: join(work, 'content'),
      KB_OUT: dist(),
      KB_DATA: join(work, 'data'),
      KB_ASTRO_CACHE: join(work, 'astro-cache'),
      SOURCE_DATE_EPOCH: '1700000000',
    },
  });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two entities of one name', () => {
  it('get their own URLs and one disambiguation page listing both', () => {
    const kb = JSON.parse(readFileSync(join(dist(), 'data/kb.json'), 'utf8')) as KnowledgeBase;
    expect(kb.entities.filter((e) => e.name === 'Woodstock').map((e) => e.path)).toEqual([
      '/events/woodstock/',
      '/places/woodstock/',
    ]);
    expect(kb.disambiguation).toEqual([
      {
        name: 'Woodstock',
        path: '/disambiguation/woodstock/',
        entities: ['place/woodstock', 'event/woodstock'],
      },
    ]);
    const page = html('disambiguation/woodstock');
    expect(page).toContain('<a href="/places/woodstock/"');
    expect(page).toContain('<a href="/events/woodstock/"');
    expect(page).toContain('Town in Ulster County, New York');
    expect(page).toContain('Music festival held near Bethel');
    expect(page).toContain('Woodstock town board approves new library');
    expect(page).toMatch(/>Place</);
    expect(page).toMatch(/>Event</);
  });

  it('have a hatnote pointing to it on each of their pages', () => {
    for (const path of ['places/woodstock', 'events/woodstock'])
      expect(html(path)).toMatch(
        /Another entity is named Woodstock: see <a href="\/disambiguation\/woodstock\/"[^>]*>Woodstock \(disambiguation\)<\/a>/,
      );
  });

  it('is in the sitemap and search, without becoming a type filter', () => {
    expect(readFileSync(join(dist(), 'sitemap.xml'), 'utf8')).toContain(
      '<loc>https://kb.example.org/disambiguation/woodstock/</loc>',
    );
    const page = html('disambiguation/woodstock');
    expect(page).toContain('data-pagefind-body');
    expect(page).not.toContain('data-pagefind-filter');
    expect(page).toContain('data-pagefind-meta="type:Disambiguation"');
  });

  it('has no accessibility violation (axe), nor do the pages with a hatnote', async () => {
    const server = await serveSite({ dir: dist(), port: 0 });
    const browser = await launchChromium();
    try {
      for (const path of ['disambiguation/woodstock/', 'places/woodstock/'])
        for (const width of [375, 1280])
          for (const colorScheme of ['light', 'dark'] as const) {
            const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
            await page.goto(`${server.url}${path}`);
            expect(await violations(page), `${path} ${width} ${colorScheme}`).toEqual([]);
            await page.close();
          }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 180_000);
});
