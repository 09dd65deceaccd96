/**
 * Issue 5's permanence check, with real builds: removing one seed article and rebuilding
 * leaves every previously published URL resolving (a page, a redirect to a page that
 * exists, or a page saying what became of the entity).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '../../scripts/permanence/ledger.ts';

let work: string;
const build = (name: string) =>
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_CONTENT: join(work, 'content'),
      KB_LEDGER: join(work, 'published.json'),
      KB_OUT: join(work, name),
      KB_DATA: join(work, `${name}-data`),
      KB_ASTRO_CACHE: join(work, `${name}-cache`),
    },
  });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-permanence-'));
  cpSync('content/articles', join(work, 'content/articles'), { recursive: true });
  build('before');
  const [first] = readdirSync(join(work, 'content/articles')).sort();
  rmSync(join(work, 'content/articles', first!));
  build('after');
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('published URLs', () => {
  it('are recorded in the ledger, aliases included', () => {
    const ledger = readLedger(join(work, 'published.json'));
    expect(ledger.urls['people/matthew-prince/']).toMatchObject({
      name: 'Matthew Prince',
      type: 'person',
    });
    expect(ledger.urls['people/keffals/']).toMatchObject({
      alias: true,
      id: 'person/clara-sorrenti',
    });
  });

  it('all still resolve after an article is removed', () => {
    const ledger = readLedger(join(work, 'published.json'));
    const before = readdirSync(join(work, 'before'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('/index.html'),
    );
    expect(Object.keys(ledger.urls).length).toBeGreaterThan(20);
    for (const path of Object.keys(ledger.urls)) {
      const file = join(work, 'after', path, 'index.html');
      expect(existsSync(file), path).toBe(true);
      const html = readFileSync(file, 'utf8');
      const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
      if (target)
        expect(
          existsSync(join(work, 'after', decodeURIComponent(target), 'index.html')),
          `${path} → ${target}`,
        ).toBe(true);
    }
    // Every entity page of the first build is a path in the ledger.
    for (const page of before.filter((f) =>
      /^(people|organizations|sites|campaigns|places|events)\/[^/]+\/index\.html$/.test(f),
    )) {
      expect(ledger.urls[page.replace(/index\.html$/, '')], page).toBeDefined();
    }
  });
});
