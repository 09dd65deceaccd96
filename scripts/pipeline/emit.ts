/**
 * Stage 6, emit: validates the knowledge base against its schema and writes the data
 * the Astro pages read (`<dataDir>/site.json`). One of the two stages that touch the disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBaseSchema } from '../schema.ts';
import type { SiteData } from './assemble.ts';

/** Writes `site.json`; throws with the failing path if the data breaks the contract. */
export function emitSiteData(dataDir: string, data: SiteData): string {
  const checked = KnowledgeBaseSchema.safeParse(data.kb);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(
      `kb.json would break its contract at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'site.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}
