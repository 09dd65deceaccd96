// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './scripts/core/config.ts';

const config = loadConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: process.env.KB_OUT || './dist',
  // A separate cache per build lets tests and benchmarks build side by side.
  cacheDir: process.env.KB_ASTRO_CACHE || './node_modules/.astro',
  // Pages render a few at a time, so that writing one overlaps rendering the next; the
  // search index gets them in one order all the same (scripts/astro/pagefind.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Dossier's pages read prepared data; nothing needs a dev toolbar or telemetry.
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined, so the Content-Security-Policy needs no inline script.
  // The render processes share the site's folder, which the build empties once, first.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // No integrations: the search index, redirect pages, service worker and host report
  // are made by the build process around the render processes (scripts/build/build.ts).
});
