/**
 * The version history the user commits (`content/history/`): one JSON Lines file per
 * entity page, `<folder>/<slug>.jsonl` for the page `/<folder>/<slug>/`, one line per
 * version, oldest first. A new version appends a line, so diffs stay one line per
 * changed page, and a build rewrites only the files of pages that changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';

export const VersionRecordSchema = z.object({
  /** The first day the build published this version (`SOURCE_DATE_EPOCH`, else today). */
  date: z.iso.date(),
  /** Seven hex digits of the snapshot's hash (`versionOf`). */
  version: z.string().regex(/^[0-9a-f]{7}$/),
  /** The page's content as it was (`snapshotOf`): what the frozen copy renders. */
  view: z.record(z.string(), z.unknown()),
});
export type VersionRecord = z.infer<typeof VersionRecordSchema>;

/** Page path without base (`people/matthew-prince/`) → its versions, oldest first. */
export type History = Map<string, VersionRecord[]>;

const pageOfFile = (file: string) => `${file.replace(/\.jsonl$/, '')}/`;
const fileOfPage = (dir: string, path: string) => join(dir, `${path.replace(/\/$/, '')}.jsonl`);

/** Reads every history file; a broken line is an error naming the file, line and fix. */
export function readHistory(dir: string): History {
  const history: History = new Map();
  if (!existsSync(dir)) return history;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const records = lines.flatMap((line, i) => {
      if (!line.trim()) return [];
      let parsed: ReturnType<typeof VersionRecordSchema.safeParse>;
      try {
        parsed = VersionRecordSchema.safeParse(JSON.parse(line));
      } catch (error) {
        parsed = { success: false, error: error as z.ZodError } as typeof parsed;
      }
      if (!parsed.success)
        throw new Error(
          `${relative(process.cwd(), join(dir, file))}:${i + 1}: not a version record (${parsed.error.message.split('\n')[0]}); restore the file from version control`,
        );
      return [parsed.data];
    });
    if (records.length) history.set(pageOfFile(file), records);
  }
  return history;
}

/** Writes the history files of `pages`: one line per version, keys in a fixed order. */
export function writeHistory(dir: string, history: History, pages: Iterable<string>): void {
  for (const path of pages) {
    const file = fileOfPage(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    const lines = (history.get(path) ?? []).map(({ date, version, view }) =>
      JSON.stringify({ date, version, view }),
    );
    writeFileSync(file, lines.join('\n') + '\n');
  }
}
