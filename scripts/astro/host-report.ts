/**
 * The host report: after the build (and Pagefind, and the service worker) it prints
 * the file count and total size static hosts limit, warns past Cloudflare Pages' 20,000
 * files per deployment or 25 MiB per file, and weighs the entity pages: a typical one
 * should stay under 60 KB of HTML, and the report says which parts of it weigh most.
 * `kb build --quiet` still shows it.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { TYPE_FOLDERS } from '../core/urls.ts';
import { listSite, type SiteFile } from './site-files.ts';
import { compareText } from '../core/collections.ts';

/** Cloudflare Pages: 20,000 files per site (free plan), 25 MiB per file. */
export const MAX_FILES = 20_000;
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** A typical entity page should stay below this much HTML. */
export const ENTITY_PAGE_BUDGET = 60 * 1024;

type Element = DefaultTreeAdapterMap['element'];

export interface HostReport {
  files: number;
  bytes: number;
  tooLarge: string[];
  entityPages: Array<{ path: string; bytes: number }>;
}

/** The first bytes of a file: enough to hold a redirect page's refresh tag. */
function head(file: string): string {
  const bytes = Buffer.alloc(1024);
  const fd = openSync(file, 'r');
  try {
    return bytes.toString('utf8', 0, readSync(fd, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Measures the site in `root`. The build says what it knows already, so that the site
 * is not walked again: its `files` (`listSite`) and the folders of the `redirects` it
 * wrote; without them, a page is a redirect if its head says so.
 */
export function measureSite(
  root: string,
  known: { files?: SiteFile[]; redirects?: Set<string> } = {},
): HostReport {
  const sizes = known.files ?? listSite(root);
  return { ...measureFiles(sizes), entityPages: entityPagesOf(root, sizes, known.redirects) };
}

/** The count and size of `files`, and those a host may refuse. */
function measureFiles(files: SiteFile[]): Omit<HostReport, 'entityPages'> {
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    tooLarge: files.filter((f) => f.bytes > MAX_FILE_BYTES).map((f) => f.path),
  };
}

/** The entity pages among `sizes`, smallest first (`redirects`: see `measureSite`). */
function entityPagesOf(
  root: string,
  sizes: SiteFile[],
  redirects?: Set<string>,
): HostReport['entityPages'] {
  const folders = new Set(Object.values(TYPE_FOLDERS));
  const redirect = redirects
    ? (path: string) => redirects.has(path.slice(0, -'index.html'.length))
    : (path: string) => /http-equiv="refresh"/i.test(head(join(root, path)));
  // Redirect pages (aliases, renamed entities) share the folders but are not entity pages.
  return sizes
    .filter(({ path }) => {
      const parts = path.split('/');
      return parts.length === 3 && folders.has(parts[0]!) && parts[2] === 'index.html';
    })
    .filter(({ path }) => !redirect(path))
    .sort((a, b) => a.bytes - b.bytes || compareText(a.path, b.path));
}

/** Bytes of a page's parts: the head, header and footer, and each part of `<main>`'s article. */
export function pageParts(html: string): Array<{ part: string; bytes: number }> {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const parts: Array<{ part: string; bytes: number }> = [];
  const size = (e: Element) => {
    const at = e.sourceCodeLocation;
    return at ? Buffer.byteLength(html.slice(at.startOffset, at.endOffset)) : 0;
  };
  const name = (e: Element) => {
    const attr = (n: string) => e.attrs.find((a) => a.name === n)?.value;
    const label = attr('id') ?? attr('class')?.split(/\s+/)[0] ?? attr('aria-labelledby');
    return label ? `${e.tagName}.${label}` : e.tagName;
  };
  const visit = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (['html', 'body', 'main', 'article'].includes(child.tagName)) visit(child);
      else parts.push({ part: name(child), bytes: size(child) });
    }
  };
  visit(document);
  return parts.sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The report as lines; warnings start with "warning:". */
export function describe(root: string, report: HostReport): string[] {
  return [...describeFiles(report), ...describeEntityPages(root, report.entityPages)];
}

/** The lines on the site's files: their count and size, and what a host may refuse. */
function describeFiles(report: Omit<HostReport, 'entityPages'>): string[] {
  const lines = [`site: ${report.files} files, ${mb(report.bytes)}`];
  if (report.files > MAX_FILES)
    lines.push(
      `warning: ${report.files} files is above the ${MAX_FILES} that Cloudflare Pages accepts per site`,
    );
  for (const path of report.tooLarge)
    lines.push(`warning: ${path} is larger than the 25 MiB a static host may accept per file`);
  return lines;
}

/**
 * The lines on the entity pages (`measureSite`'s `entityPages`): the typical and the
 * largest, and what weighs most in the largest (read and parsed, so the build makes
 * them while Pagefind writes its index).
 */
export function describeEntityPages(root: string, pages: HostReport['entityPages']): string[] {
  if (!pages.length) return [];
  const lines: string[] = [];
  const typical = pages[Math.floor((pages.length - 1) / 2)]!;
  const largest = pages.at(-1)!;
  const heavy = pageParts(readFileSync(join(root, largest.path), 'utf8'))
    .slice(0, 3)
    .map((p) => `${p.part} ${kb(p.bytes)}`);
  lines.push(
    `entity pages: ${pages.length}, typical ${kb(typical.bytes)} (${typical.path}), ` +
      `largest ${kb(largest.bytes)} (${largest.path}: ${heavy.join(', ')})`,
  );
  if (typical.bytes > ENTITY_PAGE_BUDGET)
    lines.push(`warning: a typical entity page is ${kb(typical.bytes)}, above 60 KB`);
  return lines;
}

/**
 * Prints the report of the site in `root` (warnings to stderr); `known` as for
 * `measureSite`; `entityPages`: the lines `describeEntityPages` made already (the files'
 * lines are then made from `known.files` alone).
 */
export function reportSite(
  root: string,
  known?: Parameters<typeof measureSite>[1],
  entityPages?: string[],
): void {
  const lines = entityPages
    ? [...describeFiles(measureFiles(known?.files ?? listSite(root))), ...entityPages]
    : describe(root, measureSite(root, known));
  for (const line of lines) {
    if (line.startsWith('warning:')) console.warn(line);
    else console.log(line);
  }
}
