/** Pages a render process writes itself, where Astro would have written them. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setPageFolder, writeRenderedPage } from '../../scripts/astro/page-files.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-pages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a rendered page written by its render process', () => {
  it('is left to Astro outside a render process', () => {
    expect(writeRenderedPage('/people/x/', Buffer.from('<p>x</p>'))).toBe(false);
  });

  it('goes to <folder>/index.html under the site, its URL less the base and decoded', () => {
    setPageFolder(root, '/kb/');
    expect(writeRenderedPage('/kb/people/ren%C3%A9e/', Buffer.from('<p>Renée</p>'))).toBe(true);
    expect(readFileSync(join(root, 'people', 'renée', 'index.html'), 'utf8')).toBe('<p>Renée</p>');
    // A page written before (a redirect page at the same path) is replaced.
    writeRenderedPage('/kb/people/ren%C3%A9e/', Buffer.from('<p>again</p>'));
    expect(readFileSync(join(root, 'people', 'renée', 'index.html'), 'utf8')).toBe('<p>again</p>');
  });
});
