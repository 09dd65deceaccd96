/**
 * Issue 6: `kb build --portable --zip --out <dir>` (built for a sub-path, /kb/, so every
 * link has to be rewritten) gives a copy that works opened from file:// in Chromium:
 * search finds what the hosted site finds, the type filter works, every link found on a
 * crawl from index.html names a file that exists, and no inline script is allowed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { portableHref } from '../../scripts/portable/links.ts';
import { launchChromium } from './browser.ts';

let work: string;
let copy: string;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-portable-'));
  copy = join(work, 'portable');
  execFileSync(
    process.execPath,
    ['scripts/kb.ts', 'build', '--quiet', '--portable', '--zip', '--out', copy],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        KB_BASE: '/kb/',
        KB_OUT: join(work, 'dist'),
        KB_DATA: join(work, 'data'),
        KB_ASTRO_CACHE: join(work, 'astro-cache'),
        SOURCE_DATE_EPOCH: '1700000000',
      },
    },
  );
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Failed to load|couldn't be loaded/i.test(m.text()))
      violations.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Each of these searches twice (file:// and hosted) in Chromium: slow on a loaded machine. */
const SEARCH_TIMEOUT = 90_000;

const fileUrl = (path: string) => pathToFileURL(join(copy, path)).href;

async function waitForResults(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const results = [...document.querySelectorAll('.pagefind-ui__result')];
    return results.length > 0 && results.every((r) => r.querySelector('.pagefind-ui__result-link'));
  });
}

const results = (p: Page) =>
  p.$$eval('.pagefind-ui__result-link', (links) =>
    links.map((a) => ({ title: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
  );

/** The count in Pagefind's "N results for …" line. */
const resultCount = (p: Page) =>
  p.$eval('.pagefind-ui__message', (m) => Number(/(\d+) results?/.exec(m.textContent ?? '')?.[1]));

async function searchWithType(p: Page, url: string, query: string, type?: RegExp) {
  await p.goto(`${url}?q=${encodeURIComponent(query)}`);
  await waitForResults(p);
  if (type) {
    const before = await resultCount(p);
    await p.click('.pagefind-ui__filter-name:has-text("Type")');
    await p.getByLabel(type).check();
    await p.waitForFunction((n) => {
      const match = /(\d+) results?/.exec(
        document.querySelector('.pagefind-ui__message')?.textContent ?? '',
      );
      return match !== null && Number(match[1]) < n;
    }, before);
    await waitForResults(p);
  }
  return results(p);
}

/** Asserts the file a relative href names exists (and holds its #id). */
function expectTarget(from: string, href: string): string {
  const [path, hash] = href.split('#') as [string, string | undefined];
  const target = posix.normalize(posix.join(posix.dirname(from), decodeURI(path.split('?')[0]!)));
  expect(existsSync(join(copy, target)), `${href} (from ${from})`).toBe(true);
  if (hash) expect(readFileSync(join(copy, target), 'utf8'), href).toContain(`id="${hash}"`);
  return target;
}

describe('the portable copy opened from file://', () => {
  it(
    'finds Matthew Prince first for "Prince", as the hosted site does',
    async () => {
      const found = await searchWithType(page, fileUrl('search/index.html'), 'Prince');
      expect(found[0]).toEqual({
        title: 'Matthew Prince',
        href: '../people/matthew-prince/index.html',
      });
      for (const { href } of found) expectTarget('search/index.html', href);
      const hosted = await browser.newPage();
      const online = await searchWithType(hosted, `${inject('siteUrl')}search/`, 'Prince');
      await hosted.close();
      expect(found.map((r) => r.title)).toEqual(online.map((r) => r.title));
      await page.screenshot({ path: join(work, 'portable-search.png') });
    },
    SEARCH_TIMEOUT,
  );

  it(
    'narrows results with the type filter, as the hosted site does',
    async () => {
      const found = await searchWithType(
        page,
        fileUrl('search/index.html'),
        'Kiwi Farms',
        /^Website/,
      );
      const titles = found.map((r) => r.title);
      expect(titles).toContain('Kiwi Farms');
      expect(titles).not.toContain('Matthew Prince');
      const hosted = await browser.newPage();
      const online = await searchWithType(
        hosted,
        `${inject('siteUrl')}search/`,
        'Kiwi Farms',
        /^Website/,
      );
      await hosted.close();
      expect(titles).toEqual(online.map((r) => r.title));
      await page.click('.pagefind-ui__result-link >> nth=0');
      await page.waitForURL(/\/sites\/kiwi-farms\/index\.html/);
      expect(await page.textContent('h1')).toContain('Kiwi Farms');
    },
    SEARCH_TIMEOUT,
  );

  it('links only to files that exist, on a crawl from index.html', () => {
    const seen = new Set<string>();
    const queue = ['index.html'];
    const attrs = ['href', 'src', 'action', 'data-bundle'];
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const html = readFileSync(join(copy, file), 'utf8');
      const walk = (node: DefaultTreeAdapterMap['node']): void => {
        if ('tagName' in node)
          for (const { name, value } of node.attrs) {
            if (!attrs.includes(name) || /^([a-z]+:|#)/.test(value)) continue;
            expect(value, `${name}="${value}" in ${file}`).not.toMatch(/^\//);
            if (name === 'data-bundle') continue;
            const target = expectTarget(file, value);
            if (target.endsWith('.html')) queue.push(target);
          }
        if ('childNodes' in node) node.childNodes.forEach(walk);
      };
      walk(parse(html));
    }
    const kb = JSON.parse(readFileSync(join(copy, 'data/kb.json'), 'utf8'));
    for (const e of kb.entities as Array<{ path: string }>)
      expect(seen).toContain(`${e.path.replace(/^\/kb\//, '')}index.html`);
  });

  it('keeps a security policy without inline script, and breaks none of it', () => {
    const html = readFileSync(join(copy, 'people/matthew-prince/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src [^;]*'self'/);
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/);
    expect(violations).toEqual([]);
  });

  it('drops what only works hosted, which the hosted build links', () => {
    expect(existsSync(join(copy, 'sw.js'))).toBe(false);
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).not.toContain('offline.zip');
    const hosted = readFileSync(join(work, 'dist/index.html'), 'utf8');
    expect(hosted).toContain('href="/kb/offline.zip"');
    expect(hosted).toContain('Download for offline use');
    const zip = readFileSync(join(work, 'dist/offline.zip'));
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes('dossier/people/matthew-prince/index.html')).toBe(true);
  });
});

describe('portableHref', () => {
  const exists = (p: string) => ['index.html', 'people/a/index.html', 'x.css'].includes(p);
  it('names index files and keeps fragments', () => {
    expect(portableHref('/kb/people/a/#p2', 'people/b/index.html', '/kb/', exists)).toBe(
      '../a/index.html#p2',
    );
    expect(portableHref('/kb/', 'people/a/index.html', '/kb/', exists)).toBe('../../index.html');
    expect(portableHref('/kb/x.css', 'index.html', '/kb/', exists)).toBe('./x.css');
  });
  it('leaves other origins, other paths and fragments alone', () => {
    for (const href of ['https://a.org/kb/', '//a.org/', '#main', 'mailto:a@b', '/other/'])
      expect(portableHref(href, 'index.html', '/kb/', exists)).toBeUndefined();
  });
});
