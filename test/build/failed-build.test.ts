/**
 * A build that fails leaves the published site as it was: the site is built beside it
 * (`dist.building`) and put in its place only when complete, and the render process that
 * started early, beside extraction, is stopped with it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { expectSameSite, renderLeftovers, workFolder } from './helpers.ts';

const built = inject('siteDir');
const work = workFolder('dossier-failed-build-');

describe('a build that fails', () => {
  it('keeps the last site whole and leaves nothing behind', () => {
    const before = renderLeftovers();
    const site = join(work, 'dist');
    cpSync(built, site, { recursive: true });
    const content = join(work, 'content');
    mkdirSync(join(content, 'articles'), { recursive: true });
    for (const name of readdirSync('content/articles'))
      cpSync(join('content/articles', name), join(content, 'articles', name));
    writeFileSync(join(content, 'articles', 'broken.md'), '---\ntitle: [broken\n---\nText.\n');

    const run = spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--strict', '--quiet'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        KB_CONTENT: content,
        KB_OUT: site,
        KB_DATA: join(work, 'data'),
        KB_ASTRO_CACHE: join(work, 'astro-cache'),
        KB_LEDGER: join(work, 'published.json'),
      },
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.md:');
    expect(run.stderr).toContain('fix them or build without --strict');
    expectSameSite(site, built);
    expect(existsSync(`${site}.building`)).toBe(false);
    expect(renderLeftovers()).toEqual(before);
  }, 120_000);
});
