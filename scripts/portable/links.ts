/**
 * Site links for a copy opened from disk: file:// has no directory indexes, so a link to
 * `/kb/people/matthew-prince/` must become `../people/matthew-prince/index.html`, relative
 * to the page that holds it (file:// has no site root either).
 */
import { posix } from 'node:path';

/** Whether a path inside the copy (decoded, no leading slash) is a file. */
export type FileExists = (path: string) => boolean;

/**
 * The portable form of `value`, a URL in the file `from` (its path inside the copy), or
 * `undefined` when it is not a link into the site (another origin, `mailto:`, `#id`, a
 * `data:` URL, or already relative).
 */
export function portableHref(
  value: string,
  from: string,
  base: string,
  exists: FileExists,
): string | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//')) return undefined;
  const baseless = base.slice(0, -1);
  if (!(trimmed + '/').startsWith(base) && trimmed !== baseless) return undefined;
  const rest = trimmed.slice(Math.min(base.length, trimmed.length));
  const split = /^([^?#]*)(.*)$/.exec(rest)!;
  let path = split[1]!;
  const suffix = split[2]!;
  const decoded = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  if ((path === '' || path.endsWith('/')) && exists(decoded(path + 'index.html'))) {
    path += 'index.html';
  } else if (path && !posix.extname(path) && exists(decoded(path + '/index.html'))) {
    path += '/index.html';
  }
  const fromDir = posix.dirname(from);
  let relative = posix.relative(fromDir === '.' ? '' : fromDir, path);
  if (path.endsWith('/') && relative) relative += '/';
  if (relative === '') relative = './';
  else if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative + suffix;
}

/** A `<meta http-equiv="refresh">` content (`0; url=/x/`) with its URL made portable. */
export function portableRefresh(
  content: string,
  from: string,
  base: string,
  exists: FileExists,
): string | undefined {
  const match = /^(\s*\d+\s*[;,]\s*url\s*=\s*)(['"]?)(.*?)\2\s*$/i.exec(content);
  if (!match) return undefined;
  const href = portableHref(match[3]!, from, base, exists);
  return href === undefined ? undefined : `${match[1]}${href}`;
}
