/**
 * Permanence: after each build, keeps every published URL alive (alias and
 * successor redirects, pages for entities that are gone) and records the URLs in the
 * ledger `content/published.json`. Works from the build's own `data/kb.json`.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import type { KnowledgeBase } from '../schema.ts';
import { readLedger, writeLedger } from '../permanence/ledger.ts';
import { gonePageHtml, redirectHtml } from '../permanence/pages.ts';
import { planPermanence } from '../permanence/plan.ts';

/** How many pages are written at once. */
const WRITES_AT_ONCE = 32;

/**
 * Writes the pages that keep every published URL alive into the site in `root`, and the
 * ledger. Returns the folders of the redirect pages it wrote (`people/x/`).
 */
export async function writePermanence(root: string): Promise<Set<string>> {
  // Validated against its schema when it was emitted (`pipeline/emit.ts`).
  const kb = JSON.parse(readFileSync(join(root, 'data/kb.json'), 'utf8')) as KnowledgeBase;
  const ledgerFile = loadConfig().ledgerFile;
  const { pages, ledger } = planPermanence(kb, readLedger(ledgerFile));
  const frame = readFileSync(join(root, '404.html'), 'utf8');
  const articlePath = new Map(kb.articles.map((a) => [a.id, a.path]));
  // Many small files (a redirect per alias and per current version): written a few
  // at a time, so that the disk's latency overlaps; never over a rendered page.
  const write = async (page: (typeof pages)[number]) => {
    await mkdir(join(root, page.path), { recursive: true });
    const html =
      page.kind === 'redirect'
        ? redirectHtml(page)
        : gonePageHtml(page, frame, (id) => articlePath.get(id));
    try {
      await writeFile(join(root, page.path, 'index.html'), html, { flag: 'wx' });
      if (page.kind === 'redirect') redirects.add(page.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  };
  const redirects = new Set<string>();
  const paths = new Set<string>();
  const unique = pages.filter((p) => !paths.has(p.path) && paths.add(p.path));
  for (let i = 0; i < unique.length; i += WRITES_AT_ONCE)
    await Promise.all(unique.slice(i, i + WRITES_AT_ONCE).map(write));
  writeLedger(ledgerFile, ledger);
  return redirects;
}
