#!/usr/bin/env node
/**
 * `kb`, Dossier's command line (`cli/index.ts`), started with Node's compile cache: the code
 * Node compiles is kept for the next start (in `node_modules/.cache/dossier-node/`), so
 * that every process and worker thread of a build (Astro and Vite in each render
 * process, the pipeline, citation-js) starts faster. `NODE_COMPILE_CACHE` carries the
 * folder to them; `NODE_DISABLE_COMPILE_CACHE=1` turns it off. The cache is safe to
 * delete: Node checks each entry against the source it was made from.
 */
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
  process.env.NODE_COMPILE_CACHE ??= fileURLToPath(
    new URL('../node_modules/.cache/dossier-node/', import.meta.url),
  );
  enableCompileCache(process.env.NODE_COMPILE_CACHE);
}
// Imported now, so that the cache serves the command line's own modules too.
await import('./cli/index.ts');
