/**
 * Issue 5's permanence check, with real builds: removing one seed article and rebuilding
 * leaves every previously published URL resolving (a page, a redirect to a page that
 * exists, or a page saying what became of the entity).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

let removed: string;
let renamed: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-permanence-'));
  cpSync('content/articles', join(work, 'content/articles'), { recursive: true });
  build('before');
  // One article is deleted, the other renamed: both of their URLs must live on.
  [removed, renamed] = readdirSync(join(work, 'content/articles'))
    .sort()
    .map((f) => f.replace(/\.md$/, '')) as [string, string];
  rmSync(join(work, 'content/articles', `${removed}.md`));
  renameSync(
    join(work, 'content/articles', `${renamed}.md`),
    join(work, 'content/articles', 'renamed-article.md'),
  );
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
    // Every entity, article and story page of the first build is a path in the ledger.
    for (const page of before.filter((f) =>
      /^(people|organizations|sites|campaigns|places|events|articles|stories)\/[^/]+\/index\.html$/.test(
        f,
      ),
    )) {
      expect(ledger.urls[page.replace(/index\.html$/, '')], page).toBeDefined();
    }
  });

  it('keep an article renamed (a redirect) or deleted (a page saying so)', () => {
    const moved = readFileSync(join(work, 'after/articles', renamed, 'index.html'), 'utf8');
    expect(moved).toContain('http-equiv="refresh" content="0; url=/articles/renamed-article/"');
    const gone = readFileSync(join(work, 'after/articles', removed, 'index.html'), 'utf8');
    expect(gone).toMatch(/This article had a page here, but it was removed/);
    expect(gone).toMatch(/Content-Security-Policy/);
  });
});

describe('a damaged ledger or history', () => {
  it('stops the build with the file named and how to restore it, and changes nothing', () => {
    const damaged = mkdtempSync(join(tmpdir(), 'dossier-damaged-'));
    try {
      cpSync('content/articles', join(damaged, 'content/articles'), { recursive: true });
      const run = (ledger: string) =>
        spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
          encoding: 'utf8',
          env: {
            ...process.env,
            KB_CONTENT: join(damaged, 'content'),
            KB_LEDGER: ledger,
            KB_OUT: join(damaged, 'dist'),
            KB_DATA: join(damaged, 'data'),
            KB_ASTRO_CACHE: join(damaged, 'cache'),
          },
        });
      // A ledger cut short by an interrupted copy.
      const truncated = join(damaged, 'truncated.json');
      const whole = readFileSync(join(work, 'published.json'), 'utf8');
      writeFileSync(truncated, whole.slice(0, 3000));
      const first = run(truncated);
      expect(first.status).not.toBe(0);
      expect(first.stderr).toMatch(/truncated\.json: the ledger of published URLs is damaged/);
      expect(first.stderr).toMatch(/restore it from version control/);
      expect(readFileSync(truncated, 'utf8')).toBe(whole.slice(0, 3000));
      // An emptied history file: never silently rewritten.
      const ledger = join(damaged, 'published.json');
      writeFileSync(ledger, whole);
      cpSync(join(work, 'history'), join(damaged, 'history'), { recursive: true });
      writeFileSync(join(damaged, 'history/people/matthew-prince.jsonl'), '');
      const second = run(ledger);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toMatch(/matthew-prince\.jsonl: the history file is empty/);
      expect(readFileSync(join(damaged, 'history/people/matthew-prince.jsonl'), 'utf8')).toBe('');
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });
});
