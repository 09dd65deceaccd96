/** Shared test helpers for `kb import`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { ArticleFrontMatterSchema } from '../../scripts/core/schema.ts';
import { tempFolder } from '../helpers.ts';

export const FIXTURES = join(import.meta.dirname, '../fixtures/import');

/** Bytes of a fixture. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** A fresh empty folder, removed after the test file. */
export function tempDir(): string {
  return tempFolder('kb-import-');
}

/** Reads a written article back the way the pipeline does, validating its front matter. */
export function readArticle(file: string) {
  const parsed = matter(readFileSync(file, 'utf8'), {});
  return {
    meta: ArticleFrontMatterSchema.parse(parsed.data),
    data: parsed.data,
    body: parsed.content.trim(),
  };
}

/** Collects log lines instead of printing them. */
export function captureLog() {
  const info: string[] = [];
  const error: string[] = [];
  return {
    info,
    error,
    log: { info: (l: string) => info.push(l), error: (l: string) => error.push(l) },
  };
}
