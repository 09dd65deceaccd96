/**
 * The extraction cache: one file per article, named by the article's content hash,
 * in a folder named by the pipeline version (`parallel/version.ts`). A new model, word
 * list, extraction code or curated entity set means a new folder, so a stale result is
 * never served; older folders are removed. Entries are written atomically (temporary
 * file, then rename) and an unreadable entry is a miss, so deleting or damaging any
 * part of the cache is always safe: the next build recomputes what is missing.
 */
import { deserialize, serialize } from 'node:v8';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Where a cache's entries go: a worker thread writes its own results (`writeEntry`). */
export interface CacheLocation {
  folder: string;
}

export interface ExtractionCache<T> {
  /** Where entries are written, for worker threads; undefined when caching is off. */
  location?: CacheLocation;
  /** The cached value for a content hash, or undefined. */
  get(hash: string): T | undefined;
  set(hash: string, value: T): void;
  /** Removes entries of this version whose hash is not in `keep` (deleted articles). */
  prune(keep: ReadonlySet<string>): void;
}

const ENTRY = /^[0-9a-f]{16,}\.v8$/;

/** A cache of values under `dir/<version>/`; `undefined` dir gives a cache that holds nothing. */
export function openCache<T>(dir: string | undefined, version: string): ExtractionCache<T> {
  if (!dir) return { get: () => undefined, set() {}, prune() {} };
  const folder = join(dir, `extract-${version}`);
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('extract-') && entry !== `extract-${version}`) {
      rmSync(join(dir, entry), { recursive: true, force: true });
    }
  }
  const file = (hash: string) => join(folder, `${hash}.v8`);
  return {
    location: { folder },
    get(hash) {
      try {
        return deserialize(readFileSync(file(hash))) as T;
      } catch {
        return undefined;
      }
    },
    set(hash, value) {
      writeEntry({ folder }, hash, value);
    },
    prune(keep) {
      for (const entry of readdirSync(folder)) {
        if (!ENTRY.test(entry) || !keep.has(entry.slice(0, -3))) {
          rmSync(join(folder, entry), { force: true });
        }
      }
    },
  };
}

/**
 * Writes one entry atomically (temporary file, then rename). Worker threads call this
 * for their own results, so that the thread waiting on them never spends its time on
 * the disk; the temporary name carries the thread, so two threads never share one.
 */
export function writeEntry(location: CacheLocation, hash: string, value: unknown): void {
  const target = join(location.folder, `${hash}.v8`);
  const temporary = `${target}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, serialize(value));
  renameSync(temporary, target);
}
