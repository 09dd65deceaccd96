/**
 * `dossierPermanence`: after each build, keeps every published URL alive (alias and
 * successor redirects, pages for entities that are gone) and records the URLs in the
 * ledger `content/published.json`. Works from the build's own `data/kb.json`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadConfig } from '../config.ts';
import { KnowledgeBaseSchema } from '../schema.ts';
import { readLedger, writeLedger } from '../permanence/ledger.ts';
import { gonePageHtml, redirectHtml } from '../permanence/pages.ts';
import { planPermanence } from '../permanence/plan.ts';

export function dossierPermanence(): AstroIntegration {
  return {
    name: 'dossier-permanence',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const kb = KnowledgeBaseSchema.parse(
          JSON.parse(readFileSync(join(root, 'data/kb.json'), 'utf8')),
        );
        const ledgerFile = loadConfig().ledgerFile;
        const { pages, ledger } = planPermanence(kb, readLedger(ledgerFile));
        const frame = readFileSync(join(root, '404.html'), 'utf8');
        const articlePath = new Map(kb.articles.map((a) => [a.id, a.path]));
        for (const page of pages) {
          const file = join(root, page.path, 'index.html');
          if (existsSync(file)) continue;
          mkdirSync(join(root, page.path), { recursive: true });
          writeFileSync(
            file,
            page.kind === 'redirect'
              ? redirectHtml(page)
              : gonePageHtml(page, frame, (id) => articlePath.get(id)),
          );
        }
        writeLedger(ledgerFile, ledger);
        const gone = pages.filter((p) => p.kind === 'gone').length;
        logger.info(
          `kept ${pages.length - gone} redirect(s) and ${gone} page(s) for entities no longer listed; ledger: ${Object.keys(ledger.urls).length} URLs`,
        );
      },
    },
  };
}
