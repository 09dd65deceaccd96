/**
 * Issue 6, offline after the first visit: a site built for /kb/ registers a service worker
 * scoped to /kb/; with the network gone, visited pages reload and search still finds and
 * filters. A build of other content brings a new worker whose cache replaces the old one;
 * the same content gives the same worker, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../scripts/astro/service-worker.ts';
import { serveSite, type RunningServer } from '../../scripts/cli/serve.ts';
import { launchChromium } from './browser.ts';

let work: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function build(title: string): void {
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_BASE: '/kb/',
      KB_TITLE: title,
      KB_OUT: join(work, 'dist'),
      KB_DATA: join(work, 'data'),
      KB_ASTRO_CACHE: join(work, 'astro-cache'),
      SOURCE_DATE_EPOCH: '1700000000',
    },
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-offline-'));
  build('Dossier');
  server = await serveSite({ dir: join(work, 'dist'), base: '/kb/', port: 0 });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Waits until a service worker controls the page and has finished precaching. */
async function controlled(p: Page): Promise<string> {
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return p.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

async function search(p: Page, query: string): Promise<string[]> {
  await p.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await p.waitForFunction(() => {
    const titles = [...document.querySelectorAll('.pagefind-ui__result-title')];
    return titles.length > 0 && titles.every((t) => !/^[.\s]*$/.test(t.textContent ?? ''));
  });
  return p.$$eval('.pagefind-ui__result-title', (els) => els.map((e) => e.textContent?.trim()!));
}

describe('a hosted site, offline after the first visit', () => {
  it('registers a worker scoped to the base', async () => {
    await page.goto(`${server.url}people/matthew-prince/`);
    expect(await controlled(page)).toBe(`${server.url}`);
    await page.goto(`${server.url}articles/cloudflare-abandons-kiwifarms/`);
  });

  it('reloads visited pages and searches with the network gone', async () => {
    await context.setOffline(true);
    try {
      await page.goto(`${server.url}people/matthew-prince/`);
      expect(await page.textContent('h1')).toContain('Matthew Prince');
      await page.reload();
      expect(await page.textContent('h1')).toContain('Matthew Prince');
      await page.goto(`${server.url}articles/cloudflare-abandons-kiwifarms/`);
      expect(await page.locator('#p1').count()).toBe(1);
      const titles = await search(page, 'Prince');
      expect(titles[0]).toBe('Matthew Prince');
      // A word never searched online: the whole index was cached at install.
      expect(await search(page, 'Christchurch')).toContain('2019 Christchurch mosque shootings');
      await page.click('.pagefind-ui__filter-name:has-text("Type")');
      await page.getByLabel(/^Event/).check();
      await page.waitForFunction(() => {
        const titles = [...document.querySelectorAll('.pagefind-ui__result-title')].map(
          (t) => t.textContent ?? '',
        );
        return titles.some((t) => /Christchurch/.test(t)) && !titles.includes('Matthew Prince');
      });
      await page.screenshot({ path: join(work, 'offline-search.png') });
      // A page never opened online: the site's own offline page, not the browser's error.
      await page.goto(`${server.url}sites/kiwi-farms/`);
      expect(await page.textContent('h1')).toBe('You are offline');
      expect(await page.locator(`a[href="${new URL(server.url).pathname}search/"]`).count()).toBe(
        1,
      );
    } finally {
      await context.setOffline(false);
    }
  });

  it('replaces its cache when the site is rebuilt with other content', async () => {
    const before = readFileSync(join(work, 'dist/sw.js'), 'utf8');
    build('Dossier, second edition');
    const after = readFileSync(join(work, 'dist/sw.js'), 'utf8');
    expect(after).not.toBe(before);
    await page.goto(`${server.url}`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await page.waitForFunction(
      async (version) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0]!.endsWith(version);
      },
      /"([0-9a-f]{16})"/.exec(after)![1]!,
    );
    await page.reload();
    expect(await page.textContent('.brand')).toBe('Dossier, second edition');
  });
});

describe('the worker version', () => {
  it('follows the content and nothing else', () => {
    const dir = join(work, 'manifest');
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'home');
    writeFileSync(join(dir, 'search/index.html'), 'search');
    const first = buildManifest(dir, '/kb/');
    expect(buildManifest(dir, '/kb/')).toEqual(first);
    expect(first.precache).toEqual(['', 'search/']);
    writeFileSync(join(dir, 'sw.js'), 'ignored');
    expect(buildManifest(dir, '/kb/').version).toBe(first.version);
    writeFileSync(join(dir, 'index.html'), 'home, edited');
    expect(buildManifest(dir, '/kb/').version).not.toBe(first.version);
  });
});
