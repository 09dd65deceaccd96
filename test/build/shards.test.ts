/**
 * Rendering in several processes (`scripts/astro/shards.ts`): the seed site rendered by
 * three processes, so that some route lists have fewer pages than processes, is the
 * site one process renders, byte for byte (pages, assets, the Pagefind index, the
 * service worker), and no render folder is left behind.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildTestSite } from '../global-setup.ts';

const single = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'dossier-shards-'));
const renderFolders = join('node_modules', '.dossier-render');
const leftovers = () => (existsSync(renderFolders) ? readdirSync(renderFolders).sort() : []);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('rendering in several processes', () => {
  it('gives the same site as one process', () => {
    const before = leftovers();
    // As test/global-setup.ts builds the site the other tests read, with three processes.
    const dist = buildTestSite(work, { KB_RENDER_SHARDS: '3' });
    const names = files(single);
    expect(files(dist)).toEqual(names);
    expect(names.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(20);
    for (const name of names)
      expect(readFileSync(join(dist, name)).equals(readFileSync(join(single, name))), name).toBe(
        true,
      );
    expect(leftovers()).toEqual(before);
  }, 120_000);
});
