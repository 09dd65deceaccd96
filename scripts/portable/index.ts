/**
 * `writePortable`: a copy of a built site that works opened straight from disk
 * (`file://…/index.html`): links relative and naming their files, scripts classic, the
 * search index packed into classic scripts (see `pagefind.ts`), and a security policy
 * that still allows no inline script.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Script } from 'node:vm';
import { rewritePage } from './html.ts';
import { portableHref } from './links.ts';
import { packPagefind } from './pagefind.ts';

/** Files of the hosted site that mean nothing from disk. */
export const HOSTED_ONLY = ['sw.js', 'offline.zip'];

export interface PortableOptions {
  /** The built (hosted) site. */
  from: string;
  /** Where the copy goes; replaced if it exists. */
  to: string;
  /** The `base` the site was built with. */
  base: string;
}

export interface PortableResult {
  files: number;
  bytes: number;
  packed: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/**
 * A page opened from file:// has an opaque origin. Chromium lets 'self' cover file: URLs
 * there, but CSP 3 does not require it, so the copy also names the `file:` scheme. Inline
 * script stays forbidden.
 */
export function portableCsp(hosted: string): string {
  return hosted.replace(/'self'/g, "'self' file:");
}

/** A module script as a classic one: its own scope, strict, or a clear error. */
export function classicScript(code: string, name: string): string {
  const wrapped = `(function () {\n'use strict';\n${code}\n})();\n`;
  try {
    new Script(wrapped, { filename: name });
  } catch (error) {
    throw new Error(`portable copy: ${name} cannot run as a classic script (${String(error)})`);
  }
  return wrapped;
}

/** CSS `url(/base/…)` made relative to the stylesheet. */
function rewriteCss(css: string, file: string, base: string, exists: (p: string) => boolean) {
  return css.replace(/url\((['"]?)(\/[^'")]*)\1\)/g, (whole, quote: string, url: string) => {
    const href = portableHref(url, file, base, exists);
    return href === undefined ? whole : `url(${quote}${href}${quote})`;
  });
}

export function writePortable({ from, to, base }: PortableOptions): PortableResult {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (const name of HOSTED_ONLY) rmSync(join(to, name), { force: true });
  const present = new Set(filesUnder(to));
  const exists = (path: string) => present.has(path);
  for (const file of present) {
    const path = join(to, file);
    if (file.endsWith('.html')) {
      const html = readFileSync(path, 'utf8');
      writeFileSync(path, rewritePage(html, { file, base, exists, csp: portableCsp }));
    } else if (file.endsWith('.css')) {
      writeFileSync(path, rewriteCss(readFileSync(path, 'utf8'), file, base, exists));
    } else if (file.startsWith('_astro/') && posix.extname(file) === '.js') {
      writeFileSync(path, classicScript(readFileSync(path, 'utf8'), file));
    }
  }
  const packed = packPagefind(to);
  const files = filesUnder(to);
  const bytes = files.reduce((sum, f) => sum + statSync(join(to, f)).size, 0);
  return { files: files.length, bytes, packed };
}
