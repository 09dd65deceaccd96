/**
 * `dossierPagefind`: an Astro integration that indexes the built site with Pagefind's
 * Node API after every build (`createIndex` → `addDirectory` → `writeFiles`, `close()` in
 * `finally`; any reported error fails the build), as Starlight's integration does.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function dossierPagefind(): AstroIntegration {
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors: createErrors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: root });
          if (added.errors.length)
            throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${root}/pagefind` });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
