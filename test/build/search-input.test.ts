/**
 * What the build hands Pagefind (`searchInput`): the page without its ignored parts.
 * The index it gives must be the one the whole page gives, byte for byte.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, inject, it } from 'vitest';
import { searchInput } from '../../scripts/astro/pagefind.ts';

const dist = inject('siteDir');

describe('searchInput', () => {
  it('takes out ignored elements with everything in them, nested ones too', () => {
    const page =
      '<main data-pagefind-body><h1>Kiwi Farms</h1>' +
      '<section data-pagefind-ignore="all"><section><p>context</p></section><p>more</p></section>' +
      '<p>kept</p><aside class="x" data-pagefind-ignore><a href="/a/">A</a></aside></main>';
    expect(searchInput(page)).toBe(
      '<main data-pagefind-body><h1>Kiwi Farms</h1><p>kept</p></main>',
    );
  });

  it('keeps an element ignored for indexing only when it holds a filter or metadata', () => {
    const page =
      '<main data-pagefind-body><div data-pagefind-ignore><span data-pagefind-filter="type">Person</span></div>' +
      '<div data-pagefind-ignore="all"><span data-pagefind-meta="x">y</span></div></main>';
    expect(searchInput(page)).toBe(
      '<main data-pagefind-body><div data-pagefind-ignore><span data-pagefind-filter="type">Person</span></div></main>',
    );
  });

  it('keeps only the html start tag and the body elements of a page', () => {
    const page =
      '<!doctype html><html lang="de"><head><title>T</title></head><body>' +
      '<header><a href="/">Home</a></header><main><article data-pagefind-body><h1>Kiwi Farms</h1>' +
      '<p>Text about data-pagefind-body.</p></article></main><footer>Footer</footer></body></html>';
    expect(searchInput(page)).toBe(
      '<html lang="de"><body><article data-pagefind-body><h1>Kiwi Farms</h1>' +
        '<p>Text about data-pagefind-body.</p></article></body></html>',
    );
    const two =
      '<html lang="en"><body><div data-pagefind-body><p>a</p></div><nav>menu</nav>' +
      '<section data-pagefind-body><p>b</p></section></body></html>';
    expect(searchInput(two)).toBe(
      '<html lang="en"><body><div data-pagefind-body><p>a</p></div>' +
        '<section data-pagefind-body><p>b</p></section></body></html>',
    );
    // A body whose end cannot be found: the page is left whole, for Pagefind to make sense of.
    const unclosed = '<html lang="en"><body><main data-pagefind-body><p>no end</body></html>';
    expect(searchInput(unclosed)).toBe(unclosed);
  });

  it('leaves text that names the attribute, void elements and unclosed elements alone', () => {
    const text = '<p id="p1">Pagefind skips data-pagefind-ignore parts.</p>';
    expect(searchInput(text)).toBe(text);
    const image = '<p>a<img src="x.png" data-pagefind-ignore>b</p>';
    expect(searchInput(image)).toBe(image);
    const unclosed = '<main><section data-pagefind-ignore><p>no end</main>';
    expect(searchInput(unclosed)).toBe(unclosed);
  });

  it('gives the seed site the same Pagefind index as its whole pages', async () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .sort()
      .map((f) => ({ sourcePath: f, content: readFileSync(join(dist, f), 'utf8') }))
      .filter((p) => p.content.includes('data-pagefind-body'));
    expect(pages.length).toBeGreaterThan(20);
    // The cut must matter on this site, or the comparison proves nothing.
    const bytes = (list: typeof pages) => list.reduce((n, p) => n + p.content.length, 0);
    const reduced = pages.map((p) => ({ ...p, content: searchInput(p.content) }));
    expect(bytes(reduced)).toBeLessThan(bytes(pages) * 0.6);
    const indexFiles = async (input: typeof pages) => {
      const out = mkdtempSync(join(tmpdir(), 'dossier-search-input-'));
      try {
        const { index } = await pagefind.createIndex({});
        for (const page of input) expect((await index!.addHTMLFile(page)).errors).toEqual([]);
        expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
      } finally {
        await pagefind.close();
      }
      return readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(join(out, f)).isFile())
        .sort()
        .map((f) => [f, readFileSync(join(out, f)).toString('base64')]);
    };
    const whole = await indexFiles(pages);
    expect(await indexFiles(reduced)).toEqual(whole);
  }, 120_000);
});
