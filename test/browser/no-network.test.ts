/**
 * Issue 6, no network needed: with every request to another origin blocked (and counted),
 * every kind of page loads and search runs; the built files name no outside resource.
 * And the host report: file count, size, and entity pages within their weight budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ENTITY_PAGE_BUDGET,
  describe as report,
  measureSite,
} from '../../scripts/astro/host-report.ts';
import { launchChromium } from './browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const origin = new URL(siteUrl).origin;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const outside: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Blocking service workers keeps every request visible to the route below.
  context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || /^(data|blob):/.test(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
});
afterAll(async () => browser?.close());

/** One page of each kind, read from the built site: index, type index, entity, article… */
function pageKinds(): string[] {
  const kinds = ['', 'articles/', 'search/?q=Prince', 'no-such-page/'];
  const kb = JSON.parse(readFileSync(join(siteDir, 'data/kb.json'), 'utf8')) as {
    articles: Array<{ path: string }>;
    entities: Array<{ type: string; path: string }>;
    stories?: Array<{ path?: string }>;
  };
  kinds.push(kb.articles[0]!.path.slice(1));
  const story = kb.stories?.find((s) => s.path)?.path;
  if (story) kinds.push(story.slice(1), 'stories/');
  const byType = new Map(kb.entities.map((e) => [e.type, e.path]));
  for (const path of byType.values())
    kinds.push(path.slice(1), path.replace(/[^/]+\/$/, '').slice(1));
  return [...new Set(kinds)];
}

async function visit(p: Page, path: string): Promise<void> {
  await p.goto(siteUrl + path, { waitUntil: 'networkidle' });
}

describe('with every outside request blocked', () => {
  it('loads every kind of page without asking another origin for anything', async () => {
    const kinds = pageKinds();
    expect(kinds.length).toBeGreaterThan(8);
    for (const path of kinds) await visit(page, path);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('searches and filters', async () => {
    await visit(page, 'search/?q=Kiwi%20Farms');
    await page.waitForSelector('.pagefind-ui__result-link');
    await page.click('.pagefind-ui__filter-name:has-text("Type")');
    await page.getByLabel(/^Website/).check();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.pagefind-ui__result-title')].some(
        (t) => t.textContent?.trim() === 'Kiwi Farms',
      ),
    );
    expect(outside).toEqual([]);
  });

  it('names no outside script, style, font, image or frame in any built file', () => {
    const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(html|css)$/.test(f),
    );
    const external =
      /<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="(https?:)?\/\/|<link\b(?![^>]*rel="(canonical|schema\.DC|alternate)")[^>]*href="(https?:)?\/\/|@import\s+(url\()?["']?(https?:)?\/\/|url\(["']?(https?:)?\/\//i;
    for (const f of files) expect(readFileSync(join(siteDir, f), 'utf8'), f).not.toMatch(external);
  });
});

describe('the host report', () => {
  it('counts files and weighs every entity page, and only those', () => {
    const measured = measureSite(siteDir);
    expect(measured.files).toBeGreaterThan(100);
    const kb = JSON.parse(readFileSync(join(siteDir, 'data/kb.json'), 'utf8'));
    expect(measured.entityPages.length).toBe(kb.entities.length);
    const lines = report(siteDir, measured);
    expect(lines[0]).toMatch(/^site: \d+ files, [\d.]+ MB$/);
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
    const typical = measured.entityPages[Math.floor((measured.entityPages.length - 1) / 2)]!;
    expect(typical.bytes).toBeLessThan(ENTITY_PAGE_BUDGET);
  });
});
