/**
 * The built site's files with their sizes, listed once by the build and shared by the
 * service worker's manifest and the host report, so that a site of 80,000 files is not
 * walked again for each.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file of the site: its path under the site's folder (`/`-separated) and size. */
export interface SiteFile {
  path: string;
  bytes: number;
}

/** The files of the site in `root`, with their sizes; only under the top-level names `include` takes. */
export function listSite(root: string, include = (_name: string) => true): SiteFile[] {
  const files: SiteFile[] = [];
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (!include(top.name)) continue;
    const entries = top.isDirectory()
      ? readdirSync(join(root, top.name), { recursive: true, withFileTypes: true })
      : [top];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, file).split(sep).join('/'), bytes: statSync(file).size });
    }
  }
  return files;
}
