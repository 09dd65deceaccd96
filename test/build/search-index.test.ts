/** The search index a build writes: a large site's result texts bundled into few files. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSearchIndex, type FedPage } from '../../scripts/astro/pagefind.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lists = [{ name: 'articles', count: 6 }];
const page = (index: number): FedPage => ({
  position: { list: 'articles', index, count: 6 },
  page: {
    pathname: `/articles/a${index}/`,
    content: `<html lang="en"><body><article data-pagefind-body><h1>Article ${index}</h1><p>Words of article ${index}.</p></article></body></html>`,
  },
  ...(index === 0 && { lists }),
});

/**
 * Indexes six pages and writes the index under `dir`. From when `write` resolves, this
 * process's event loop is held (as a build's synchronous work holds it) until Pagefind's
 * files appear: Pagefind must be writing without it.
 */
async function build(dir: string, maxFragments?: number): Promise<string[]> {
  const index = await startSearchIndex(1, '/', maxFragments);
  try {
    for (let i = 0; i < 6; i++) await index.add(0, page(i));
    index.end(0);
    const { done } = await index.write(dir);
    const entry = join(dir, 'pagefind', 'pagefind-entry.json');
    for (const until = Date.now() + 20_000; !existsSync(entry) && Date.now() < until;);
    expect(existsSync(entry), 'Pagefind wrote nothing while this process was busy').toBe(true);
    await done;
  } finally {
    await index.close();
  }
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  expect(entry.languages.en.page_count).toBe(6);
  return readdirSync(join(dir, 'pagefind', 'fragment'));
}

describe('the search index', () => {
  it('has a fragment file a page up to its limit, and bundles them past it', async () => {
    expect(await build(join(root, 'small'))).toHaveLength(6);
    const bundled = await build(join(root, 'large'), 2);
    expect(bundled.length).toBeLessThanOrEqual(2);
    expect(bundled.every((f) => f.endsWith('.pf_fragment'))).toBe(true);
  });
});
