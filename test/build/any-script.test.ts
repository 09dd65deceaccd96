/**
 * Issue 22: a name in any script gets its page, at an ASCII URL that works on a static
 * server under a sub-path and from `file://` (the portable copy), and in search; NFC and
 * NFD spellings are one entity; a look-alike letter or an invisible character makes no
 * second page and `kb check` names it; an article in German is found by search and gets
 * no English "names" invented in it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type RunningServer } from '../../scripts/cli/serve.ts';
import { mixedScriptWords } from '../../scripts/core/names.ts';
import { launchChromium } from '../browser/browser.ts';
import { EXPECTED, writeAnyScriptContent } from './any-script-fixture.ts';

interface KbEntity {
  id: string;
  type: string;
  name: string;
  path: string;
  mentions: Array<{ article: string; text: string }>;
}

let work: string;
let env: NodeJS.ProcessEnv;
let kb: { entities: KbEntity[]; articles: Array<{ id: string; path: string }> };
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-any-script-'));
  writeAnyScriptContent(join(work, 'content'));
  env = {
    ...process.env,
    KB_CONTENT: join(work, 'content'),
    KB_BASE: '/kb/',
    KB_OUT: join(work, 'dist'),
    KB_DATA: join(work, 'data'),
    KB_ASTRO_CACHE: join(work, 'astro-cache'),
    KB_LEDGER: join(work, 'published.json'),
    SOURCE_DATE_EPOCH: '1700000000',
  };
  execFileSync(
    process.execPath,
    ['scripts/kb.ts', 'build', '--quiet', '--portable', '--out', join(work, 'portable')],
    { stdio: ['ignore', 'ignore', 'pipe'], env },
  );
  kb = JSON.parse(readFileSync(join(work, 'dist/data/kb.json'), 'utf8'));
  server = await serveSite({ dir: join(work, 'dist'), base: '/kb/', port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const byName = (type: string, name: string) =>
  kb.entities.filter((e) => e.type === type && e.name === name);

describe('names in any script', () => {
  it('each has one page, at an ASCII path that exists', () => {
    for (const [type, name] of EXPECTED) {
      const found = byName(type, name);
      expect(found, `${type} ${name}`).toHaveLength(1);
      expect(found[0]!.path, name).toMatch(/^\/kb\/[a-z]+\/[a-z0-9-]+\/$/);
    }
    for (const e of kb.entities) {
      const file = join(work, 'dist', e.path.replace(/^\/kb\//, ''), 'index.html');
      expect(existsSync(file), e.path).toBe(true);
    }
  });

  it('are one entity spelled NFC or NFD, and one despite a look-alike or invisible letter', () => {
    const marti = byName('person', 'José Martí')[0]!;
    expect(new Set(marti.mentions.map((m) => m.article))).toEqual(new Set(['nfc', 'nfd']));
    const prince = byName('person', 'Matthew Prince')[0]!;
    expect(prince.mentions.map((m) => m.article).sort()).toEqual(['homoglyph', 'nfd']);
    for (const e of kb.entities) expect(mixedScriptWords(e.name), e.name).toEqual([]);
    expect(kb.entities.filter((e) => /matthew/i.test(e.name))).toHaveLength(1);
  });

  it('are flagged by kb check when written with a look-alike letter', () => {
    const check = spawnSync(process.execPath, ['scripts/kb.ts', 'check', '--no-links'], {
      encoding: 'utf8',
      env: { ...env, KB_OUT: join(work, 'dist') },
    });
    expect(check.status).not.toBe(0);
    expect(check.stdout).toMatch(/person\/matthew-prince: "M\u0430tthew Prince" .*Cyrillic/);
    expect(check.stdout).toMatch(/prince\.md:2: "name" held invisible/);
    // Built for /kb/: every published URL and version still resolves, as kb check sees it.
    expect(check.stdout).toMatch(/✓ permanence/);
    expect(check.stdout).toMatch(/✓ versions/);
  });

  it('open from a server under /kb/', async () => {
    for (const e of kb.entities) {
      const response = await page.goto(new URL(e.path, server.url).href);
      expect(response?.status(), e.path).toBe(200);
      await expect(page.locator('h1').first().textContent(), e.path).resolves.toContain(e.name);
    }
  });

  it('open from file:// in the portable copy', async () => {
    for (const e of kb.entities) {
      const file = join(work, 'portable', e.path.replace(/^\/kb\//, ''), 'index.html');
      await page.goto(pathToFileURL(file).href);
      await expect(page.locator('h1').first().textContent(), e.path).resolves.toContain(e.name);
    }
  });

  it('are found by search, as is an article in German', async () => {
    for (const [query, path] of [
      ['Støre', '/kb/people/jonas-gahr-store/'],
      ['Klimaschutzgesetz', '/kb/articles/german/'],
    ] as const) {
      await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href);
      await page.waitForSelector('.pagefind-ui__result-link');
      const links = await page
        .locator('.pagefind-ui__result-link')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links, query).toContain(path);
    }
  });

  it('in another language get no English names invented', () => {
    expect(kb.entities.filter((e) => e.mentions.some((m) => m.article === 'german'))).toEqual([]);
  });
});
