/**
 * A build that fails leaves the published site as it was: the site is built beside it
 * (`dist.building`) and put in its place only when complete, and the render process that
 * started early, beside extraction, is stopped with it, as extraction is when rendering
 * fails first. And one build at a time uses a data folder: a second is refused with a
 * clear error, a killed one's lock taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
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

describe('a build whose rendering fails first', () => {
  it('stops its extraction and says why', () => {
    const data = join(work, 'render-fails-data');
    const run = spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        KB_RENDER_SHARDS: '0',
        KB_OUT: join(work, 'render-fails-dist'),
        KB_DATA: data,
        KB_ASTRO_CACHE: join(work, 'render-fails-astro-cache'),
        KB_LEDGER: join(work, 'render-fails-published.json'),
        KB_HISTORY: join(work, 'render-fails-history'),
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'error: KB_RENDER_SHARDS must be a whole number of processes, 1 or more: "0"',
    );
    // Stopped before it wrote the page data, and nothing left behind.
    expect(existsSync(join(data, 'site.json'))).toBe(false);
    expect(existsSync(join(data, 'build.lock'))).toBe(false);
    expect(existsSync(join(work, 'render-fails-dist'))).toBe(false);
  }, 120_000);
});

/** Starts one build, waits for it to take `lock`, then runs a second to its end. */
async function raceTwoBuilds(
  firstEnv: NodeJS.ProcessEnv,
  secondEnv: NodeJS.ProcessEnv,
  lock: string,
) {
  const first = spawn(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    env: firstEnv,
    stdio: 'ignore',
  });
  const exited = once(first, 'exit');
  while (!existsSync(lock)) await new Promise((resolve) => setTimeout(resolve, 20));
  const second = spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    encoding: 'utf8',
    env: secondEnv,
  });
  return { first, second, exited };
}

describe('two builds on one data folder', () => {
  const env = (name: string) => ({
    ...process.env,
    KB_OUT: join(work, `${name}-dist`),
    KB_DATA: join(work, 'shared-data'),
    KB_ASTRO_CACHE: join(work, `${name}-astro-cache`),
    KB_LEDGER: join(work, `${name}-published.json`),
    KB_HISTORY: join(work, `${name}-history`),
  });
  const lock = join(work, 'shared-data', 'build.lock');

  it('refuses the second while the first runs, and the first builds', async () => {
    const { first, second, exited } = await raceTwoBuilds(env('first'), env('second'), lock);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`another build (process ${first.pid}) is using`);
    expect(second.stderr).toContain('KB_DATA');
    expect(existsSync(join(work, 'second-dist'))).toBe(false);
    expect(await exited).toEqual([0, null]);
    expect(existsSync(join(work, 'first-dist', 'index.html'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 120_000);

  it('takes over the lock of a build that was killed', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(work, 'shared-data'), { recursive: true });
    writeFileSync(lock, String(gone));
    const run = spawnSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
      encoding: 'utf8',
      env: env('third'),
    });
    expect(run.stderr).not.toContain('another build');
    expect(run.status).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 120_000);
});

describe('two builds with their own data folders into one site folder', () => {
  const env = (name: string) => ({
    ...process.env,
    KB_OUT: join(work, 'one-dist'),
    KB_DATA: join(work, `${name}-own-data`),
    KB_ASTRO_CACHE: join(work, `${name}-own-astro-cache`),
    KB_LEDGER: join(work, `${name}-own-published.json`),
    KB_HISTORY: join(work, `${name}-own-history`),
  });
  const lock = join(work, 'one-dist.lock');

  it('refuses the second with a message while the first runs, and the first builds', async () => {
    const { first, second, exited } = await raceTwoBuilds(env('first'), env('second'), lock);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`another build (process ${first.pid}) is writing`);
    expect(second.stderr).toContain('--out or KB_OUT');
    expect(await exited).toEqual([0, null]);
    expect(existsSync(join(work, 'one-dist', 'index.html'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 120_000);
});
