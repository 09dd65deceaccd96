/**
 * Permanence: keeps every published URL alive (alias and successor redirects, pages for
 * entities that are gone) and records the URLs in the ledger `content/published.json`.
 * The redirect pages are written from the build's `permanence.json` as soon as it is
 * (`writeRedirects`), while the site renders; the pages of entities that are gone take
 * the frame of the rendered 404 page, and the ledger is written once the site has
 * rendered (`finishPermanence`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../core/config.ts';
import { readLedger, writeLedger, type Ledger } from '../permanence/ledger.ts';
import { gonePageHtml, redirectHtml } from '../permanence/pages.ts';
import {
  PERMANENCE_INPUT,
  planPermanence,
  type PermanenceInput,
  type Plan,
  type PlannedPage,
} from '../permanence/plan.ts';

/** How many pages are written between turns of the event loop. */
const PAGES_PER_TURN = 256;

/** What the permanence pages written so far are. */
export interface PermanencePages {
  /** The folders of the redirect pages (`people/x/`). */
  redirects: Set<string>;
  /**
   * The SHA-256 of every page written, by file (`people/x/index.html`): the service
   * worker's hashes of some 20,000 small files at 10,000 articles, without reading them.
   */
  hashes: Map<string, string>;
}

/** The redirect pages written ahead of the rest, and what the rest needs. */
export interface EarlyPermanence {
  plan: Plan;
  /** Each article's page, for the sources a gone page lists. */
  articlePaths: Map<string, string>;
  written: PermanencePages;
}

/**
 * Writes the pages of `pages` that no file holds yet into the site in `root` (`html` of
 * each), and records them. Synchronously, a few hundred between turns of the event loop
 * (so the render processes' messages are not held up): each file through the thread pool
 * cost 2.5 times the CPU (22,000 redirect pages at 10,000 articles: 4.5 s against 1.8 s),
 * nearly all of it in the kernel, beside extraction's last stages.
 */
async function writePages<P extends PlannedPage>(
  root: string,
  pages: P[],
  html: (page: P) => string,
  written: PermanencePages,
): Promise<void> {
  const write = (page: P) => {
    mkdirSync(join(root, page.path), { recursive: true });
    const text = html(page);
    const file = `${page.path}index.html`;
    try {
      writeFileSync(join(root, file), text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return;
    }
    if (page.kind === 'redirect') written.redirects.add(page.path);
    written.hashes.set(file, createHash('sha256').update(text).digest('hex'));
  };
  const paths = new Set<string>();
  const unique = pages.filter((p) => !paths.has(p.path) && paths.add(p.path));
  for (let i = 0; i < unique.length; i += PAGES_PER_TURN) {
    if (i) await new Promise((next) => setImmediate(next));
    unique.slice(i, i + PAGES_PER_TURN).forEach(write);
  }
}

/**
 * Writes the redirect pages of the site in `root`, planned from `permanence.json` in
 * `dataDir` and the ledger, while the site renders beside them: a page Astro renders at
 * one of their paths replaces it (`finishPermanence` forgets it then).
 */
export async function writeRedirects(root: string, dataDir: string): Promise<EarlyPermanence> {
  const input = JSON.parse(
    readFileSync(join(dataDir, PERMANENCE_INPUT), 'utf8'),
  ) as PermanenceInput;
  const plan = planPermanence(input, readLedger(loadConfig().ledgerFile));
  const written: PermanencePages = { redirects: new Set(), hashes: new Map() };
  const redirects = plan.pages.filter((page) => page.kind === 'redirect');
  await writePages(root, redirects, redirectHtml, written);
  return { plan, articlePaths: new Map(input.articles.map((a) => [a.id, a.path])), written };
}

/**
 * Once the site in `root` has rendered (`rendered`: the files Astro wrote, as the
 * service worker's hashes): forgets the redirect pages a rendered page replaced, writes
 * the pages of entities that are gone in the frame of the site's 404 page. Returns every
 * permanence page the site has, and the ledger to publish once the site is in place.
 */
export async function finishPermanence(
  root: string,
  { plan, articlePaths, written }: EarlyPermanence,
  rendered: ReadonlyMap<string, string>,
): Promise<PermanencePages & { ledger: Ledger }> {
  for (const file of [...written.hashes.keys()]) {
    if (!rendered.has(file)) continue;
    written.hashes.delete(file);
    written.redirects.delete(file.slice(0, -'index.html'.length));
  }
  const frame = readFileSync(join(root, '404.html'), 'utf8');
  const gone = plan.pages.filter((page) => page.kind === 'gone');
  await writePages(
    root,
    gone,
    (page) => gonePageHtml(page, frame, articlePaths.get.bind(articlePaths)),
    written,
  );
  return { ...written, ledger: plan.ledger };
}

/**
 * Records what the site now publishes in the ledger. Called once the new site is in
 * place: a build that fails late must not leave a ledger claiming pages it never published.
 */
export function publishLedger(ledger: Ledger): void {
  writeLedger(loadConfig().ledgerFile, ledger);
}
