/**
 * The service worker: `<base>sw.js`, written after Pagefind has indexed the site, so a
 * reader who has opened the site once can read the pages they visited, and search, with
 * the network gone. `src/lib/register-sw.ts` registers it (never on file://).
 *
 * The worker is versioned by a hash of every built file's hash: the same content gives the same
 * bytes (builds stay reproducible), new content a new worker whose install replaces the
 * old cache. Its scope is the site's base, and it only answers for URLs under it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSite, type SiteFile } from './site-files.ts';

/** Written here; not part of its own hash. `offline.zip` comes later. */
const OWN = new Set(['sw.js', 'offline.zip']);
/** Pagefind's fragments (one per page) are precached while the bundle stays below this. */
export const FRAGMENT_BUDGET = 5 * 1024 * 1024;

export interface Manifest {
  base: string;
  version: string;
  /** Paths under the base, fetched when the worker installs. */
  precache: string[];
}

/**
 * Pagefind's chunks, fragments and metadata are named by a hash of their content (the
 * worker serves them from its cache for that reason, `IMMUTABLE` below): the name
 * stands for the content, and some 30,000 of them at 10,000 articles need not be read.
 */
const CONTENT_NAMED = /^pagefind\/((index|fragment|filter)\/[^/]+|[^/]+\.pf_meta)$/;

/**
 * Adds the SHA-256 of each of `files` (under `root`) to `hashes`, or its name where
 * that is a hash of its content. The build hashes the rendered site while Pagefind
 * writes its files, and the index's files after.
 */
export function hashFiles(
  root: string,
  files: string[],
  hashes = new Map<string, string>(),
): Map<string, string> {
  for (const f of files)
    if (!hashes.has(f))
      hashes.set(
        f,
        CONTENT_NAMED.test(f)
          ? `named ${f}`
          : createHash('sha256')
              .update(readFileSync(join(root, f)))
              .digest('hex'),
      );
  return hashes;
}

/**
 * What to precache: the shell (home, search page, styles, scripts, icon, the names
 * search suggests), Pagefind's
 * code, entry, metadata, WebAssembly, every index and filter chunk (so any word can be
 * searched offline), and the fragments that show results while they are not too big.
 */
export function buildManifest(
  root: string,
  base: string,
  hashed = new Map<string, string>(),
  files?: SiteFile[],
): Manifest {
  const sizes = new Map((files ?? listSite(root)).map((f) => [f.path, f.bytes]));
  const all = [...sizes.keys()].filter((f) => !OWN.has(f)).sort();
  const hashes = hashFiles(root, all, hashed);
  const hash = createHash('sha256');
  for (const f of all) hash.update(`${f}\0${hashes.get(f)}\0`);
  const pagefind = all.filter((f) => f.startsWith('pagefind/'));
  // Summed only until past the budget: a large site has tens of thousands.
  let fragmentBytes = 0;
  for (const f of pagefind) {
    if (fragmentBytes > FRAGMENT_BUDGET) break;
    if (f.startsWith('pagefind/fragment/')) fragmentBytes += sizes.get(f)!;
  }
  const wanted = (f: string) =>
    f.startsWith('_astro/') ||
    f === 'favicon.svg' ||
    // The names behind "did you mean" on a search with no result.
    f === 'data/names.json' ||
    /^pagefind\/(pagefind(-ui)?\.(js|css)|pagefind-entry\.json|.*\.pf_meta|wasm\..*\.pagefind)$/.test(
      f,
    ) ||
    /^pagefind\/(index|filter)\//.test(f) ||
    (f.startsWith('pagefind/fragment/') && fragmentBytes <= FRAGMENT_BUDGET);
  const pages = ['', 'search/', 'offline/'].filter((p) => all.includes(`${p}index.html`));
  return {
    base,
    version: hash.digest('hex').slice(0, 16),
    precache: [...pages, ...all.filter(wanted)],
  };
}

/** The worker's code for one build. Plain JavaScript: it runs as the browser gets it. */
export function serviceWorkerSource({ base, version, precache }: Manifest): string {
  return `// Dossier's service worker, written by scripts/astro/service-worker.ts. Do not edit.
const BASE = ${JSON.stringify(base)};
const CACHE = 'dossier:' + BASE + ':' + ${JSON.stringify(version)};
const PRECACHE = ${JSON.stringify(precache)};
// Content-hashed names never change meaning: the cache answers first.
const IMMUTABLE = /\\/(_astro\\/|pagefind\\/(index|fragment|filter)\\/)|\\.pf_meta$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => BASE + path)))
      .then(() => self.skipWaiting()),
  );
});

// The pages open when the worker arrives were loaded before it: keep them too.
async function keepOpenPages() {
  const cache = await caches.open(CACHE);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const pages = windows.map((c) => new URL(c.url)).filter((u) => u.pathname.startsWith(BASE));
  await Promise.all(pages.map((u) => cache.add(key(u)).catch(() => undefined)));
}

self.addEventListener('activate', (event) => {
  const mine = 'dossier:' + BASE + ':';
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(mine) && k !== CACHE).map((k) => caches.delete(k))))
      .then(keepOpenPages)
      .then(() => self.clients.claim()),
  );
});

// A static site: the query never changes a file (search/?q=…, Pagefind's entry ?ts=…).
const key = (url) => url.origin + url.pathname;

async function fromNetwork(request, url, cache) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(key(url), response.clone());
  return response;
}

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  if (IMMUTABLE.test(url.pathname)) {
    const hit = await cache.match(key(url));
    if (hit) return hit;
  }
  try {
    return await fromNetwork(request, url, cache);
  } catch (error) {
    const hit = await cache.match(key(url));
    if (hit) return hit;
    // A page never opened while online: the site's own offline page, not the browser's error.
    if (request.mode === 'navigate') {
      const offline = await cache.match(self.location.origin + BASE + 'offline/');
      if (offline) return offline;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith(BASE)) return;
  event.respondWith(answer(event.request, url));
});
`;
}

/**
 * Writes `sw.js` at the root of the site in `root`, served under `base`; `hashed` holds
 * the files already hashed (`hashFiles`), unchanged since, and `files` the site's files,
 * if the build has listed them (`listSite`); else the site is listed here.
 */
export function writeServiceWorker(
  root: string,
  base: string,
  hashed?: Map<string, string>,
  files?: SiteFile[],
): void {
  const manifest = buildManifest(root, base.endsWith('/') ? base : `${base}/`, hashed, files);
  writeFileSync(join(root, 'sw.js'), serviceWorkerSource(manifest));
}
