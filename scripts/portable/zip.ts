/**
 * Zips the portable copy with yazl. Entries are sorted, dated by SOURCE_DATE_EPOCH (when
 * set) and given fixed permissions, so the same copy gives the same zip.
 */
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface ZipOptions {
  /** The folder to zip. */
  dir: string;
  /** The zip to write. */
  file: string;
  /** Folder name inside the zip, so that unpacking makes one folder. */
  root: string;
  /** Seconds since the epoch for every entry's date (else now). */
  epoch?: number;
}

/**
 * The date to hand yazl for an instant: a zip entry's DOS date and time have no zone and
 * yazl fills them from the local clock, so the same instant gave other bytes under another
 * time zone. Shifted by the zone's offset, the local fields read the UTC time, everywhere;
 * the extended timestamp field (a second copy of the date) is left out.
 */
function dosTime(ms: number): Date {
  return new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);
}

/** Writes the zip; returns its number of files. */
export async function zipFolder({ dir, file, root, epoch }: ZipOptions): Promise<number> {
  const mtime = dosTime(epoch === undefined ? Date.now() : epoch * 1000);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  const zip = new ZipFile();
  for (const f of files)
    zip.addFile(join(dir, f), `${root}/${f}`, { mtime, mode: 0o100644, forceDosTimestamp: true });
  const written = finished(zip.outputStream.pipe(createWriteStream(file)));
  zip.end();
  await written;
  return files.length;
}
