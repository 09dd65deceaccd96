/**
 * Issue 22, "same bytes anywhere": the same content built under two time zones and two
 * locales, from content folders at two different places, gives byte-identical sites
 * (the offline zip included).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers.ts';

let work: string;

const ENVIRONMENTS = [
  { name: 'a', TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', content: 'content' },
  {
    name: 'b',
    TZ: 'Pacific/Chatham',
    LANG: 'tr_TR.UTF-8',
    LC_ALL: 'tr_TR.UTF-8',
    content: 'elsewhere/deeper/content',
  },
];

const files = listFiles;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-environment-'));
  for (const { name, TZ, LANG, LC_ALL, content } of ENVIRONMENTS) {
    cpSync('content/articles', join(work, content, 'articles'), { recursive: true });
    execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet', '--zip'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        TZ,
        LANG,
        LC_ALL,
        KB_CONTENT: join(work, content),
        KB_OUT: join(work, `dist-${name}`),
        KB_DATA: join(work, `data-${name}`),
        KB_ASTRO_CACHE: join(work, `cache-${name}`),
        KB_LEDGER: join(work, `published-${name}.json`),
        SOURCE_DATE_EPOCH: '1700000000',
      },
    });
  }
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site built under another time zone, locale and content folder', () => {
  it('is the same, byte for byte', () => {
    const a = files(join(work, 'dist-a'));
    expect(a).toContain('offline.zip');
    expect(files(join(work, 'dist-b'))).toEqual(a);
    const differ = a.filter(
      (f) => !readFileSync(join(work, 'dist-a', f)).equals(readFileSync(join(work, 'dist-b', f))),
    );
    expect(differ).toEqual([]);
  });
});
