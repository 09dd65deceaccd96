/**
 * Sub-path hosting (GitHub Pages style): built with KB_BASE=/kb/ and served under /kb/,
 * no internal link is broken and search results link to pages that exist.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type RunningServer } from '../../scripts/cli/serve.ts';
import { launchChromium } from './browser.ts';

let work: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-subpath-'));
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_BASE: '/kb/',
      KB_SITE: 'https://example.org',
      KB_OUT: join(work, 'dist'),
      KB_DATA: join(work, 'data'),
      KB_ASTRO_CACHE: join(work, 'astro-cache'),
      KB_LEDGER: join(work, 'published.json'),
    },
  });
  server = await serveSite({ dir: join(work, 'dist'), base: '/kb/', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a site built for /kb/', () => {
  it('has no broken internal link', async () => {
    const origin = new URL(server.url).origin;
    const result = await new LinkChecker().check({
      path: server.url,
      recurse: true,
      linksToSkip: (link: string) => Promise.resolve(!link.startsWith(origin)),
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    const checked = new Set(
      result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname),
    );
    const kb = JSON.parse(readFileSync(join(work, 'dist/data/kb.json'), 'utf8')) as {
      entities: Array<{ path: string }>;
    };
    for (const e of kb.entities) expect(checked, e.path).toContain(e.path);
  });

  it('writes every path in kb.json and the sitemap under the base', () => {
    const kb = JSON.parse(readFileSync(join(work, 'dist/data/kb.json'), 'utf8'));
    for (const item of [...kb.articles, ...kb.entities]) expect(item.path).toMatch(/^\/kb\//);
    const sitemap = readFileSync(join(work, 'dist/sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/kb/people/matthew-prince/</loc>');
    expect(readFileSync(join(work, 'dist/robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/kb/sitemap.xml',
    );
  });

  it('finds pages by search whose links open real pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=Prince`);
    // Each result is a placeholder until its fragment loads; wait until all have links.
    await page.waitForFunction(() => {
      const results = [...document.querySelectorAll('.pagefind-ui__result')];
      return (
        results.length > 0 && results.every((r) => r.querySelector('.pagefind-ui__result-link'))
      );
    });
    const hrefs = await page.$$eval('.pagefind-ui__result-link', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(hrefs[0]).toBe('/kb/people/matthew-prince/');
    for (const href of hrefs.slice(0, 8)) {
      const url = new URL(href!, server.url);
      const response = await fetch(url);
      expect(response.status, href!).toBe(200);
      const html = await response.text();
      if (url.hash) expect(html, href!).toContain(`id="${url.hash.slice(1)}"`);
    }
  });
});
