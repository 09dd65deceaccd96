/**
 * Moves every file under one folder to the same place under another: a rename where
 * both are on one file system, a copy where not. Then removes the source folder.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface MoveOptions {
  /** Leave a file that already exists at the target as it is (the moved one is dropped). */
  keepExisting?: boolean;
}

/** Returns how many files were moved. */
export function moveTree(from: string, to: string, options: MoveOptions = {}): number {
  if (!existsSync(from)) return 0;
  const made = new Set<string>();
  let moved = 0;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (options.keepExisting && existsSync(target)) continue;
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    try {
      renameSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(source, target);
    }
    moved++;
  }
  rmSync(from, { recursive: true, force: true });
  return moved;
}
