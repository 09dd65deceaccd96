/**
 * The pages of route lists, written by the render process that renders them
 * (`src/middleware.ts`) rather than by Astro. Astro writes a page through Node's thread
 * pool, its folder and then the file, four hand-offs between threads a page; written
 * here, at once, the 28,600 pages of 10,000 articles cost some 3 CPU-seconds less. A
 * page the middleware answers with no body, Astro leaves alone. The render process
 * says where the site goes (`setPageFolder`); anywhere else Astro writes as usual.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripBase } from '../core/urls.ts';

/** Where the middleware, bundled apart from this process's modules, finds the site's folder. */
const PAGES = Symbol.for('dossier.render.pages');

interface PageFolder {
  /** The site's folder (Astro's `outDir`). */
  root: string;
  /** The site's base path (`/`, `/kb/`), which page URLs begin with and files do not. */
  base: string;
}

/** In a render process: pages go into `root`, their URLs beginning with `base`. */
export function setPageFolder(root: string, base: string): void {
  (globalThis as { [PAGES]?: PageFolder })[PAGES] = { root, base };
}

/**
 * Writes `bytes` as the page at `pathname` (a URL path ending in `/`, with the base),
 * where Astro would (`<folder>/index.html`), if a render process set the site's folder.
 * Returns whether it did.
 */
export function writeRenderedPage(pathname: string, bytes: Uint8Array): boolean {
  const pages = (globalThis as { [PAGES]?: PageFolder })[PAGES];
  if (!pages) return false;
  const folder = join(pages.root, stripBase(pathname, pages.base));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), bytes);
  return true;
}
