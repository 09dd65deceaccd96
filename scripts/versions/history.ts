/**
 * The version history the user commits (`content/history/`): one JSON Lines file per
 * entity page, `<folder>/<slug>.jsonl` for the page `/<folder>/<slug>/`, one line per
 * version, oldest first: `{"date":…,"version":…,"view":{…}}`. A new version appends a
 * line, so diffs stay one line per changed page, and a build rewrites only the files of
 * pages that changed. Snapshots stay text until a frozen copy needs one: a build reads
 * every version's date and id but parses only the snapshots it renders, so the history
 * costs little memory or time however large it grows.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import type { Snapshot } from './snapshot.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';

export const VersionRecordSchema = z.object({
  /** The first day the build published this version (`SOURCE_DATE_EPOCH`, else today). */
  date: z.iso.date(),
  /** Seven hex digits of the snapshot's hash (`versionOf`). */
  version: z.string().regex(/^[0-9a-f]{7}$/),
  /** The page's content as it was (`snapshotOf`): what the frozen copy renders. */
  view: z.record(z.string(), z.unknown()),
});

/** One version: its date and id, and its snapshot as JSON text. */
export interface VersionRecord {
  date: string;
  version: string;
  /** `JSON.stringify` of the snapshot (`snapshotOf`). */
  json: string;
  /** Where it is stored (`file:line`), for errors. */
  where?: string;
}

/** Page path without base (`people/matthew-prince/`) → its versions, oldest first. */
export type History = Map<string, VersionRecord[]>;

const pageOfFile = (file: string) => `${file.replace(/\.jsonl$/, '')}/`;
const fileOfPage = (dir: string, path: string) => join(dir, `${path.replace(/\/$/, '')}.jsonl`);

/** A line as the build writes it; anything else is parsed and checked in full. */
const WRITTEN = /^\{"date":"(\d{4}-\d{2}-\d{2})","version":"([0-9a-f]{7})","view":(\{.*\})\}$/;

function parseLine(line: string, where: string): VersionRecord {
  const written = WRITTEN.exec(line);
  if (written) return { date: written[1]!, version: written[2]!, json: written[3]!, where };
  let problem: string;
  try {
    const parsed = VersionRecordSchema.safeParse(JSON.parse(line));
    if (parsed.success) {
      const { date, version, view } = parsed.data;
      return { date, version, json: JSON.stringify(view), where };
    }
    problem = parsed.error.issues[0]?.message ?? 'invalid';
  } catch (error) {
    problem = (error as Error).message;
  }
  throw new Error(
    `${where}: not a version record (${problem}); restore the file from version control`,
  );
}

/** The snapshot of a record, parsed; a broken one is an error naming its line. */
export function snapshotOfRecord(record: VersionRecord): Snapshot {
  try {
    return JSON.parse(record.json) as Snapshot;
  } catch (error) {
    throw new Error(
      `${record.where ?? 'history'}: the snapshot is not JSON (${(error as Error).message}); restore the file from version control`,
    );
  }
}

/** Reads every history file; a broken line is an error naming the file, line and fix. */
export function readHistory(dir: string): History {
  const history: History = new Map();
  if (!existsSync(dir)) return history;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const file of files) {
    const where = relative(process.cwd(), join(dir, file));
    const records = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.trim() ? [parseLine(line, `${where}:${i + 1}`)] : []));
    // A history file is never written empty: an empty one is what an interrupted write or
    // a bad merge leaves, and rewriting it would drop the versions it held.
    if (!records.length)
      throw new Error(
        `${where}: the history file is empty, so the versions it held are lost; restore it from version control (git checkout -- ${where})`,
      );
    history.set(pageOfFile(file), records);
  }
  return history;
}

/**
 * The history files of `pages` (path under the history folder → its text): one line per
 * version, keys in a fixed order.
 */
function historyFiles(history: History, pages: Iterable<string>): Array<[string, string]> {
  return [...pages].map((path) => [
    fileOfPage('', path),
    (history.get(path) ?? [])
      .map(
        ({ date, version, json }) =>
          `{"date":${JSON.stringify(date)},"version":${JSON.stringify(version)},"view":${json}}\n`,
      )
      .join(''),
  ]);
}

/** Writes files made by `historyFiles` under `dir`. */
function writeHistoryFiles(dir: string, files: Array<[string, string]>): void {
  const made = new Set<string>();
  for (const [name, text] of files) {
    const file = join(dir, name);
    if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    made.add(dirname(file));
    writeFileAtomic(file, text);
  }
}

/**
 * A build's new history files in one file (`historyFiles`, serialized), written where
 * the site's data is made: thousands of small files cost most of their time in the
 * kernel, so they are written out (`publishHistory`) while Pagefind writes its index,
 * not while the rest of the build waits.
 */
export function stageHistory(file: string, history: History, pages: Iterable<string>): void {
  writeFileSync(file, serialize(historyFiles(history, pages)));
}

/** Writes the history files staged in `file` under `dir`, then removes `file`. */
export function publishHistory(file: string, dir: string): void {
  if (!existsSync(file)) return;
  writeHistoryFiles(dir, deserialize(readFileSync(file)) as Array<[string, string]>);
  rmSync(file, { force: true });
}
