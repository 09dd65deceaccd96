/**
 * Issue 22: `--out` on another file system than the project (a USB stick, a tmpfs):
 * Astro moves its assets with a rename, which cannot cross file systems, so the site is
 * rendered in the project and copied over. Uses /dev/shm, a tmpfs on Linux; skipped,
 * saying why, where that is the project's own file system or absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const other = '/dev/shm';
const usable = existsSync(other) && statSync(other).dev !== statSync('.').dev;
const work = usable ? mkdtempSync(join(other, 'dossier-out-')) : '';

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!usable)(`a site written to another file system (${other})`, () => {
  it('builds there whole, leaving nothing behind in the project', () => {
    const before = readdirSync('node_modules').filter((f) => f.startsWith('.dossier-site-'));
    execFileSync(
      process.execPath,
      ['scripts/kb.ts', 'build', '--quiet', '--out', join(work, 'site')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          KB_DATA: join(work, 'data'),
          KB_ASTRO_CACHE: join(work, 'astro-cache'),
          KB_LEDGER: join(work, 'published.json'),
        },
      },
    );
    for (const file of [
      'index.html',
      'data/kb.json',
      'people/matthew-prince/index.html',
      'pagefind/pagefind.js',
    ])
      expect(existsSync(join(work, 'site', file)), file).toBe(true);
    expect(existsSync(join(work, 'site.building'))).toBe(false);
    expect(readdirSync('node_modules').filter((f) => f.startsWith('.dossier-site-'))).toEqual(
      before,
    );
  }, 300_000);
});
