/**
 * Permanence: after each build, keeps every published URL alive (alias and
 * successor redirects, pages for entities that are gone) and records the URLs in the
 * ledger `content/published.json`. Works from the build's own `data/kb.json`.
 */
import { createHash } from 'node:crypto';
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

/** What `writePermanence` wrote. */
export interface PermanencePages {
  /** The folders of the redirect pages (`people/x/`). */
  redirects: Set<string>;
  /**
   * The SHA-256 of every page written, by file (`people/x/index.html`): the service
   * worker's hashes of some 20,000 small files at 10,000 articles, without reading them.
   */
  hashes: Map<string, string>;
}

/**
 * Writes the pages that keep every published URL alive into the site in `root`, and the
 * ledger.
 */
export async function writePermanence(root: string): Promise<PermanencePages> {
  // Validated against its schema when it was emitted (`pipeline/emit.ts`).
  const kb = JSON.parse(readFileSync(join(root, 'data/kb.json'), 'utf8')) as KnowledgeBase;
  const ledgerFile = loadConfig().ledgerFile;
  const { pages, ledger } = planPermanence(kb, readLedger(ledgerFile));
  const frame = readFileSync(join(root, '404.html'), 'utf8');
  const articlePath = new Map(kb.articles.map((a) => [a.id, a.path]));
  const written: PermanencePages = { redirects: new Set(), hashes: new Map() };
  // Many small files (a redirect per alias and per current version): written a few
  // at a time, so that the disk's latency overlaps; never over a rendered page.
  const write = async (page: (typeof pages)[number]) => {
    await mkdir(join(root, page.path), { recursive: true });
    const html =
      page.kind === 'redirect'
        ? redirectHtml(page)
        : gonePageHtml(page, frame, (id) => articlePath.get(id));
    const file = `${page.path}index.html`;
    try {
      await writeFile(join(root, file), html, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return;
    }
    if (page.kind === 'redirect') written.redirects.add(page.path);
    written.hashes.set(file, createHash('sha256').update(html).digest('hex'));
  };
  const paths = new Set<string>();
  const unique = pages.filter((p) => !paths.has(p.path) && paths.add(p.path));
  for (let i = 0; i < unique.length; i += WRITES_AT_ONCE)
    await Promise.all(unique.slice(i, i + WRITES_AT_ONCE).map(write));
  writeLedger(ledgerFile, ledger);
  return written;
}
