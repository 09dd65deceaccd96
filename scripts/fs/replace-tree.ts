/**
 * Puts a folder built elsewhere in the place of another in one step, so that nobody
 * reading the old one (a web server, a sync) ever sees half of each: the old folder is
 * renamed aside, the new one renamed into its place, then the old one removed. Where a
 * rename cannot do it (the place is a mount point, or on another file system), the old
 * folder is emptied and the new one's files moved in (`moveTree`).
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { moveTree } from './move-tree.ts';

export function replaceTree(from: string, to: string): void {
  const aside = `${to}.old`;
  rmSync(aside, { recursive: true, force: true });
  try {
    if (existsSync(to)) renameSync(to, aside);
    renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EBUSY' && code !== 'EPERM') throw error;
    if (existsSync(aside) && !existsSync(to)) renameSync(aside, to);
    for (const name of existsSync(to) ? readdirSync(to) : [])
      rmSync(join(to, name), { recursive: true, force: true });
    moveTree(from, to);
  }
  rmSync(aside, { recursive: true, force: true });
}
