/**
 * One real build of the default content (the seed story) into a temporary folder,
 * served on localhost for the build and browser tests. Real Astro, real Pagefind.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveSite, type RunningServer } from '../scripts/cli/serve.ts';

let server: RunningServer | undefined;
let work: string | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
  }
}

/** The version of Matthew Prince's page that the test site has as an earlier one. */
export const ARCHIVED_VERSION = '1a2b3c4';

/**
 * Gives the test site an archived page: the committed history's snapshot of Matthew
 * Prince's page, recorded as an earlier version, so the build renders its frozen copy.
 */
function seedHistory(dir: string): void {
  const committed = readFileSync('content/history/people/matthew-prince.jsonl', 'utf8')
    .trim()
    .split('\n')
    .at(-1)!;
  const earlier = { ...JSON.parse(committed), date: '2023-01-02', version: ARCHIVED_VERSION };
  mkdirSync(join(dir, 'people'), { recursive: true });
  writeFileSync(join(dir, 'people/matthew-prince.jsonl'), JSON.stringify(earlier) + '\n');
}

/**
 * Builds the test site into `<dir>/dist` (its data, caches, ledger and history beside
 * it), with `env` added to the build's environment; returns the site's folder.
 */
export function buildTestSite(dir: string, env: Record<string, string> = {}): string {
  seedHistory(join(dir, 'history'));
  const siteDir = join(dir, 'dist');
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_OUT: siteDir,
      KB_DATA: join(dir, 'data'),
      KB_ASTRO_CACHE: join(dir, 'astro-cache'),
      KB_LEDGER: join(dir, 'published.json'),
      SOURCE_DATE_EPOCH: '1700000000',
      ...env,
    },
  });
  return siteDir;
}

export async function setup(project: TestProject): Promise<void> {
  work = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  const siteDir = buildTestSite(work);
  server = await serveSite({ dir: siteDir, port: 0 });
  project.provide('siteDir', siteDir);
  project.provide('siteUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
}
