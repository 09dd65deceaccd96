/** Helpers of the tests that run whole builds beside the test site. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';

/** A temporary folder for this test file, removed after it. */
export function workFolder(prefix: string): string {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

const renderFolders = join('node_modules', '.dossier-render');

/** The folders render processes work in (`scripts/astro/shards.ts`) that exist now. */
export const renderLeftovers = () =>
  existsSync(renderFolders) ? readdirSync(renderFolders).sort() : [];

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** Expects the site in `actual` to hold the files of `expected`, byte for byte; returns their names. */
export function expectSameSite(actual: string, expected: string): string[] {
  const names = files(expected);
  expect(files(actual)).toEqual(names);
  for (const name of names)
    expect(readFileSync(join(actual, name)).equals(readFileSync(join(expected, name))), name).toBe(
      true,
    );
  return names;
}
