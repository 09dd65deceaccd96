/**
 * The ledger of published URLs (`content/published.json`, committed by users): every
 * entity, article and story path a build has ever published, so that a URL, once out in
 * the world, keeps resolving (DESIGN.md: "A URL once published never dies"). Written
 * atomically, and only once the site that published them is in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'astro/zod';
import type { PublishedEntity } from '../resolve/slugs.ts';
import { ENTITY_TYPES } from '../core/schema.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';

const LedgerEntrySchema = z.object({
  /** Entity id when the path was published (`person/matthew-prince`). */
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** True for an alias path that redirected to `id`. */
  alias: z.boolean().optional(),
  /** Sources that named it (at most a few), for the page that says what became of it. */
  articles: z.array(z.object({ id: z.string(), title: z.string() })).default([]),
  /**
   * Versions of the page published so far, oldest first; each has a permanent link
   * `<path>v/<version>/` and a snapshot in the history (`scripts/versions/history.ts`).
   */
  versions: z.array(z.string()).optional(),
});

export const LedgerSchema = z.object({
  schema: z.literal(1),
  /** Site path without the base (`people/matthew-prince/`) → what was published there. */
  urls: z.record(z.string(), LedgerEntrySchema),
});
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** The entities the ledger has published (aliases left out), for `assignSlugs`. */
export function publishedEntities(ledger: Ledger): PublishedEntity[] {
  return Object.values(ledger.urls)
    .filter((e) => !e.alias && (ENTITY_TYPES as readonly string[]).includes(e.type))
    .map((e) => ({ id: e.id, name: e.name, articles: e.articles.map((a) => a.id) }));
}

/** Reads the ledger; a missing file is an empty ledger, a broken one an error naming the fix. */
export function readLedger(file: string): Ledger {
  if (!existsSync(file)) return { schema: 1, urls: {} };
  const where = relative(process.cwd(), file) || file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${where}: the ledger of published URLs is damaged (${(error as Error).message}); restore it from version control (git checkout -- ${where}), or every URL it lists may stop resolving`,
    );
  }
  const parsed = LedgerSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${where}: not a Dossier URL ledger (${parsed.error.issues[0]?.message}); restore it from version control (git checkout -- ${where})`,
    );
  }
  return parsed.data;
}

/** Writes the ledger with sorted keys, so the file changes only when URLs are added. */
export function writeLedger(file: string, ledger: Ledger): void {
  const urls = Object.fromEntries(
    Object.entries(ledger.urls).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  writeFileAtomic(file, JSON.stringify({ schema: 1, urls }, null, 2) + '\n');
}
