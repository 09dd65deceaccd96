// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './scripts/config.ts';
import { dossierPagefind } from './scripts/astro/pagefind.ts';

const config = loadConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: process.env.KB_OUT || './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Dossier's pages read prepared data; nothing needs a dev toolbar or telemetry.
  devToolbar: { enabled: false },
  integrations: [dossierPagefind()],
});
