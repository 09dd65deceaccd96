/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it, which
 * then replaces the file in one rename (atomic on POSIX file systems and NTFS). A build
 * stopped mid-write, or a full disk, leaves the old file as it was, never half of a new
 * one: the ledger and the history are what keep published URLs alive.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
