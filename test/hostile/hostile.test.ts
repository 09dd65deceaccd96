/**
 * Issue 8's acceptance: the seed articles plus ~30 hostile files build; the seed pages are
 * all there; each bad file is named once with a fix; no built page runs injected script
 * or opens a dialog in Chromium; two builds compare byte for byte; --strict fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers.ts';
import { serveSite, type RunningServer } from '../../scripts/cli/serve.ts';
import { launchChromium } from '../browser/browser.ts';
import { BAD, GOOD, writeHostileContent } from './fixtures.ts';

let work: string;
let first: { status: number | null; stderr: string; stdout: string };

function build(name: string, extra: string[] = []) {
  const result = spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet', ...extra], {
    encoding: 'utf8',
    env: {
      ...process.env,
      KB_CONTENT: join(work, 'content'),
      KB_OUT: join(work, name),
      KB_DATA: join(work, `${name}-data`),
      KB_ASTRO_CACHE: join(work, `${name}-cache`),
      KB_LEDGER: join(work, `${name}-published.json`),
      SOURCE_DATE_EPOCH: '1700000000',
    },
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

const files = listFiles;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-hostile-'));
  cpSync('content/articles', join(work, 'content/articles'), { recursive: true });
  writeHostileContent(join(work, 'content'));
  first = build('dist-a');
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a content folder with hostile files', () => {
  it('builds, and says how many articles were built and skipped', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `built ${2 + Object.keys(GOOD).length} article\\(s\\), skipped ${Object.keys(BAD).length}`,
      ),
    );
  });

  it('names each bad file exactly once, with what is wrong', () => {
    const lines = first.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    for (const [name, { message }] of Object.entries(BAD)) {
      const mine = lines.filter(
        (l) => l.includes(`articles/${name}:`) || l.includes(`articles/${name} `),
      );
      expect(mine, name).toHaveLength(1);
      expect(mine[0], name).toMatch(message);
    }
  });

  it('keeps every seed page', () => {
    const kb = JSON.parse(readFileSync(join(work, 'dist-a/data/kb.json'), 'utf8'));
    for (const id of [
      'person/matthew-prince',
      'organization/cloudflare',
      'site/kiwi-farms',
      'campaign/dropkiwifarms',
    ]) {
      expect(kb.entities.map((e: { id: string }) => e.id)).toContain(id);
    }
  });

  it('keeps every output path inside dist and gives no two entities one page', () => {
    const kb = JSON.parse(readFileSync(join(work, 'dist-a/data/kb.json'), 'utf8'));
    const paths = kb.entities.map((e: { path: string }) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of files(join(work, 'dist-a')))
      expect(relative(join(work, 'dist-a'), join(work, 'dist-a', f))).not.toMatch(/^\.\./);
  });

  it('builds text from the real world as written: any script, offsets, bidi, other languages', () => {
    const kb = JSON.parse(readFileSync(join(work, 'dist-a/data/kb.json'), 'utf8'));
    const ids = kb.entities.map((e: { id: string }) => e.id);
    expect(ids).toContain('person/jonas-gahr-store');
    for (const e of kb.entities as Array<{ path: string }>) {
      expect(e.path).toMatch(/^\/[a-z]+\/[a-z0-9-]+\/$/);
      expect(statSync(join(work, 'dist-a', e.path, 'index.html')).isFile(), e.path).toBe(true);
    }
    const dated = kb.articles.find((a: { id: string }) => a.id === 'offset-date');
    expect(dated.date).toBe('2022-09-03');
    const flipped = readFileSync(join(work, 'dist-a/articles/bidi-title/index.html'), 'utf8');
    expect(flipped).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(flipped).toContain('Evil gnp.exe');
    // The German article: in the one search index, with no English names made up in it.
    expect(readdirSync(join(work, 'dist-a/pagefind')).filter((f) => f.startsWith('wasm.'))).toEqual(
      ['wasm.en.pagefind', 'wasm.unknown.pagefind'],
    );
    expect(
      kb.entities.filter((e: { mentions: Array<{ article: string }> }) =>
        e.mentions.some((m) => m.article === 'german'),
      ),
    ).toEqual([]);
    // A language field never makes anything written outside the site.
    expect(readdirSync(join(work, 'content'))).toEqual(['articles', 'entities']);
  });

  it('fails with --strict', () => {
    const strict = build('dist-strict', ['--strict']);
    expect(strict.status).not.toBe(0);
    expect(strict.stderr).toMatch(/content problem/);
  });

  it('produces a byte-identical site when built again', () => {
    const second = build('dist-b');
    expect(second.status).toBe(0);
    const a = files(join(work, 'dist-a'));
    expect(files(join(work, 'dist-b'))).toEqual(a);
    for (const f of a) {
      expect(
        readFileSync(join(work, 'dist-b', f)).equals(readFileSync(join(work, 'dist-a', f))),
        f,
      ).toBe(true);
    }
  });
});

describe('in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveSite({ dir: join(work, 'dist-a'), port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('no page runs injected script, opens a dialog or breaks its security policy', async () => {
    const html = files(join(work, 'dist-a')).filter(
      (f) => f.endsWith('index.html') || f === '404.html',
    );
    // Redirect pages (kept for published URLs) leave at once; they must hold no script at all.
    const isRedirect = (f: string) =>
      readFileSync(join(work, 'dist-a', f), 'utf8').includes('http-equiv="refresh"');
    for (const f of html.filter(isRedirect)) {
      expect(readFileSync(join(work, 'dist-a', f), 'utf8'), f).not.toMatch(/<script|\son[a-z]+=/i);
    }
    const pages = html.filter((f) => !isRedirect(f));
    expect(pages.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const f of pages) {
      await page.goto(server.url + f.replace(/index\.html$/, ''));
      expect(
        await page.evaluate(() => (window as { __pwned?: number }).__pwned),
        f,
      ).toBeUndefined();
    }
    await page.goto(`${server.url}search/?q=Headline`);
    await page.waitForSelector('.pagefind-ui__result');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('shows hostile text as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}articles/xss/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('<script>');
    await expect(page.locator('.article-body').textContent()).resolves.toContain('onerror=');
    expect(
      await page
        .locator('.article-body a[href^="javascript:"], .article-body a[href^="data:"], img')
        .count(),
    ).toBe(0);
  });
});
