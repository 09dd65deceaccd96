// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './scripts/config.ts';
import { dossierPagefind } from './scripts/astro/pagefind.ts';
import { dossierPermanence } from './scripts/astro/permanence.ts';
import { dossierServiceWorker } from './scripts/astro/service-worker.ts';
import { dossierHostReport } from './scripts/astro/host-report.ts';

const config = loadConfig();
const search = dossierPagefind();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: process.env.KB_OUT || './dist',
  // A separate cache per build lets tests and benchmarks build side by side.
  cacheDir: process.env.KB_ASTRO_CACHE || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Dossier's pages read prepared data; nothing needs a dev toolbar or telemetry.
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined, so the Content-Security-Policy needs no inline script.
  vite: { build: { assetsInlineLimit: 0 } },
  // In this order: Pagefind writes its index while the redirect pages are written; the
  // service worker hashes both, the report counts everything.
  integrations: [
    search.index,
    dossierPermanence(),
    search.written,
    dossierServiceWorker(),
    dossierHostReport(),
  ],
});
