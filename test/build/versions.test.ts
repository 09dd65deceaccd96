/**
 * Issue 5's versions, with real builds: a page's version is a hash of its content (the
 * same under another base, origin or day), a changed article gives a new version whose
 * predecessor stays at its permanent link as a frozen copy, and `kb check` fails when a
 * published version would disappear.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVersions } from '../../scripts/cli/check.ts';
import { readLedger } from '../../scripts/permanence/ledger.ts';
import type { KnowledgeBase } from '../../scripts/core/schema.ts';

const DAY = 86_400;
const OLD = 'who last week posted a lengthy blog post';
const NEW = 'who last month published a long blog post';
const ARTICLE = 'content/articles/cloudflare-abandons-kiwifarms.md';
let work: string;

const build = (name: string, epoch: number, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_SITE: '',
      KB_BASE: '',
      ...env,
      KB_CONTENT: join(work, 'content'),
      KB_LEDGER: join(work, 'published.json'),
      KB_OUT: join(work, name),
      KB_DATA: join(work, `${name}-data`),
      KB_ASTRO_CACHE: join(work, `${name}-cache`),
      SOURCE_DATE_EPOCH: String(1_700_000_000 + epoch),
    },
  });
const prince = (name: string) =>
  (
    JSON.parse(readFileSync(join(work, name, 'data/kb.json'), 'utf8')) as KnowledgeBase
  ).entities.find((e) => e.id === 'person/matthew-prince')!;
const html = (name: string, path: string) =>
  readFileSync(join(work, name, path, 'index.html'), 'utf8');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-versions-'));
  cpSync('content/articles', join(work, 'content/articles'), { recursive: true });
  build('one', 0);
  // The same content a day later, under a sub-path and with an origin.
  build('two', DAY, { KB_BASE: '/kb/', KB_SITE: 'https://kb.example.org' });
  const file = join(work, ARTICLE);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(OLD);
  writeFileSync(file, text.replace(OLD, NEW));
  build('three', 2 * DAY);
}, 400_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('versions', () => {
  it('are the same for the same content, whatever the day, base or origin', () => {
    const one = prince('one');
    expect(one.version).toMatch(/^[0-9a-f]{7}$/);
    expect(one.changed).toBe('2023-11-14');
    expect(prince('two')).toMatchObject({ version: one.version, changed: '2023-11-14' });
    const page = html('two', 'people/matthew-prince');
    expect(page).toContain(`href="/kb/people/matthew-prince/v/${one.version}/"`);
    expect(page).toMatch(/Version <code[^>]*>[0-9a-f]{7}<\/code> · last changed/);
  });

  it('change when an article about the entity changes, dated by that build', () => {
    const [one, three] = [prince('one'), prince('three')];
    expect(three.version).not.toBe(one.version);
    expect(three.changed).toBe('2023-11-16');
    expect(
      readLedger(join(work, 'published.json')).urls['people/matthew-prince/']?.versions,
    ).toEqual([one.version, three.version]);
  });

  it('keep the old version at its permanent link as a frozen copy, out of search', () => {
    const old = html('three', `people/matthew-prince/v/${prince('one').version}`);
    expect(old).toContain(OLD);
    expect(old).not.toContain(NEW);
    expect(old).toMatch(/Archived version of <time[^>]*>2023-11-14<\/time>/);
    expect(old).toContain('href="/people/matthew-prince/"');
    expect(old).toContain('<meta name="robots" content="noindex"');
    expect(old).not.toContain('data-pagefind-body');
    const live = html('three', 'people/matthew-prince');
    expect(live).toContain(NEW);
    expect(live).not.toContain(OLD);
    expect(live).toContain('data-pagefind-body');
    // Reference managers read each copy's date: the day its content last changed.
    expect(old).toContain('<meta name="DC.date" content="2023-11-14"');
    expect(live).toContain('<meta name="DC.date" content="2023-11-16"');
    expect(live).toContain(`"version":"${prince('three').version}"`);
    // The current version's permanent link leads to the live page.
    const current = html('three', `people/matthew-prince/v/${prince('three').version}`);
    expect(current).toContain('http-equiv="refresh" content="0; url=/people/matthew-prince/"');
  });

  it('fail kb check when a published version would disappear', () => {
    const ledger = join(work, 'published.json');
    const history = join(work, 'history');
    expect(checkVersions(join(work, 'three'), ledger, history).failures).toEqual([]);
    // A site built before the change lacks the new version's page.
    expect(checkVersions(join(work, 'one'), ledger, history).failures.join('\n')).toContain(
      `/people/matthew-prince/v/${prince('three').version}/ is in the history`,
    );
    // The history loses the page's first version.
    const file = join(history, 'people/matthew-prince.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    writeFileSync(file, lines[1] + '\n');
    try {
      expect(checkVersions(join(work, 'three'), ledger, history).failures).toEqual([
        expect.stringContaining(
          `/people/matthew-prince/v/${prince('one').version}/ was published but`,
        ),
      ]);
    } finally {
      writeFileSync(file, lines.join('\n') + '\n');
    }
  });
});
