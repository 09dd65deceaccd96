/**
 * Issue 25: a hub, an entity named in many articles, keeps its page small: its mentions go
 * on over `…/mentions/<n>/` pages, linked without JavaScript, in the sitemap, out of
 * search, each with the references it cites; together they hold every mention's article
 * once, and no page passes 150 KB or breaks an accessibility rule.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type RunningServer } from '../../scripts/cli/serve.ts';
import { launchChromium } from '../browser/browser.ts';
import { violations } from '../browser/axe.ts';

const TOPICS = [
  'harbour',
  'orchard',
  'railway',
  'library',
  'festival',
  'brewery',
  'museum',
  'stadium',
];
const ARTICLES = 160;
let work: string;
let site: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-hub-'));
  site = join(work, 'dist');
  mkdirSync(join(work, 'content/articles'), { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    const topic = `${TOPICS[i % TOPICS.length]} ${Math.floor(i / TOPICS.length)}`;
    writeFileSync(
      join(work, 'content/articles', `report-${String(i).padStart(3, '0')}.md`),
      `---\ntitle: Mira Quill and the ${topic}\ndate: 2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}\n---\n\n` +
        `Mira Quill visited the ${topic} on a ${['wet', 'bright', 'cold', 'busy'][i % 4]} morning number ${i}, and spoke to ${30 + i} workers about plan ${i * 7}.\n\n` +
        `Later Mira Quill said the ${topic} would need ${i + 3} more volunteers before season ${i}.\n`,
    );
  }
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      KB_CONTENT: join(work, 'content'),
      KB_OUT: site,
      KB_DATA: join(work, 'data'),
      KB_ASTRO_CACHE: join(work, 'astro-cache'),
      KB_LEDGER: join(work, 'published.json'),
      KB_SITE: 'https://example.org',
      SOURCE_DATE_EPOCH: '1700000000',
    },
  });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const pageOf = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

describe('a hub entity', () => {
  it('has its mentions over linked pages that hold each of its stories once', () => {
    const pages = readdirSync(join(site, 'people/mira-quill/mentions'))
      .map(Number)
      .sort((a, b) => a - b);
    expect(pages[0]).toBe(2);
    const all = ['people/mira-quill/', ...pages.map((n) => `people/mira-quill/mentions/${n}/`)];
    const main = pageOf(all[0]!);
    for (const n of pages) expect(hrefs(main)).toContain(`/people/mira-quill/mentions/${n}/`);
    // One group per story (its versions together) and per article outside a story.
    const kb = JSON.parse(readFileSync(join(site, 'data/kb.json'), 'utf8')) as {
      stories?: Array<{ articles: string[] }>;
    };
    const inStories = (kb.stories ?? []).reduce((n, s) => n + s.articles.length, 0);
    const groups = ARTICLES - inStories + (kb.stories ?? []).length;
    const labels: string[] = [];
    for (const path of all) {
      const html = pageOf(path);
      labels.push(
        ...[...html.matchAll(/<section class="mention-group[^"]*" aria-label="([^"]+)"/g)].map(
          (m) => m[1]!,
        ),
      );
      // Its references are the articles its mentions cite, numbered as on the main page.
      const cited = new Set(
        [...html.matchAll(/class="ref-mark" href="#ref-(\d+)"/g)].map((m) => m[1]),
      );
      const listed = new Set(
        [...html.matchAll(/<li id="ref-(\d+)" value="\1">/g)].map((m) => m[1]),
      );
      expect(listed, path).toEqual(cited);
    }
    expect(labels).toHaveLength(groups);
    expect(new Set(labels).size).toBe(groups);
  });

  it('says on its first screen what it is covered by: counts, dates, a timeline with a table', () => {
    const main = pageOf('people/mira-quill/');
    expect(main).toMatch(
      /320 mentions in \d+ stor(y|ies) and \d+ articles?, from <time datetime="2023-01-01">2023-01-01<\/time> to <time datetime="2023-12-27">/,
    );
    const bars = [...main.matchAll(/<title>(2023-\d\d): (\d+) mentions?<\/title>/g)];
    expect(bars.map((b) => b[1])).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
    );
    expect(bars.reduce((n, b) => n + Number(b[2]), 0)).toBe(320);
    expect(main).toMatch(
      /<caption>Mentions of Mira Quill per month, 2023-01 to 2023-12<\/caption>/,
    );
    for (const target of ['#mentions-h', '#cite-h']) expect(main).toContain(`href="${target}"`);
  });

  it('keeps every page under 150 KB, the further ones out of search and in the sitemap', () => {
    const further = readdirSync(join(site, 'people/mira-quill/mentions'));
    for (const path of [
      'people/mira-quill/',
      ...further.map((n) => `people/mira-quill/mentions/${n}/`),
    ])
      expect(statSync(join(site, path, 'index.html')).size, path).toBeLessThan(150_000);
    expect(pageOf('people/mira-quill/')).toContain('data-pagefind-body');
    for (const n of further) {
      expect(pageOf(`people/mira-quill/mentions/${n}/`)).not.toContain('data-pagefind-body');
      expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).toContain(
        `https://example.org/people/mira-quill/mentions/${n}/`,
      );
    }
  });
});

describe('a hub page and a further page of mentions in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveSite({ dir: site, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no accessibility violation, light and dark, on a phone and a wide screen, timeline included', async () => {
    for (const scheme of ['light', 'dark'] as const)
      for (const width of [375, 1280]) {
        const page = await browser.newPage({
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        for (const path of ['people/mira-quill/', 'people/mira-quill/mentions/2/']) {
          await page.goto(`${server.url}${path}`);
          expect(await violations(page), `${path} ${scheme} ${width}`).toEqual([]);
        }
        await page.close();
      }
  }, 180_000);
});
