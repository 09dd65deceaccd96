/** Shared test helpers: temporary content folders and golden files. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { articleId } from '../scripts/core/ids.ts';
import type { Article } from '../scripts/core/types.ts';

const made: string[] = [];

// This module is loaded afresh for each test file (`isolate`), as the file is collected:
// the hook is the file's own, and runs after all its tests.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A new empty temporary folder, removed after the test file, wherever it was made: in
 * a test, a hook or a fixture.
 */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temporary folder holding `files` (path → contents). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = tempFolder('dossier-unit-');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** An in-memory article, for stages after `read`. */
export function makeArticle(body: string, slug = 'test', title = 'Test article'): Article {
  return {
    id: articleId(slug),
    slug,
    file: `content/articles/${slug}.md`,
    meta: { title, authors: [], language: 'en' },
    body,
    bodyLine: 1,
    hash: slug,
  };
}

/**
 * Compares `value` with the golden JSON file; `UPDATE_GOLDEN=1 npx vitest run`
 * rewrites it instead.
 */
export function expectGolden(file: string, value: unknown): void {
  const json = JSON.stringify(value, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    if (!process.env.UPDATE_GOLDEN)
      throw new Error(`golden file ${file} was missing and has been written: check it in`);
  }
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every file under `dir`, as paths relative to it, sorted: for comparing two builds. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}
