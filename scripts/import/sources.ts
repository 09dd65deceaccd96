/** Command line arguments → the source files to import, in a stable order. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSupported } from './convert.ts';

/** A file to import, or an argument that names nothing importable. */
export type Source = { file: string } | { file: string; problem: string };

/** Supported files of a folder, sorted by name; sub-folders only when `recursive`. */
function filesIn(dir: string, recursive: boolean): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Hidden files (.DS_Store, editor backups) are never articles.
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (recursive) files.push(...filesIn(path, recursive));
    } else if (isSupported(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

/**
 * Expands the arguments of `kb import`: a file is taken as given (an unsupported one is
 * reported when converted), a folder gives its supported files in sorted order. A
 * missing path, or a folder without supported files, becomes a `problem`.
 */
export function collectSources(args: string[], recursive = false): Source[] {
  const sources: Source[] = [];
  for (const arg of args) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      sources.push({ file: arg, problem: 'does not exist (check the path)' });
      continue;
    }
    if (!isDirectory) {
      sources.push({ file: arg });
      continue;
    }
    const files = filesIn(arg, recursive);
    if (files.length === 0) {
      const hint = recursive ? '' : ', or pass --recursive for sub-folders';
      sources.push({
        file: arg,
        problem: `has no .txt, .md or .html files to import (check the folder${hint})`,
      });
    }
    sources.push(...files.map((file) => ({ file })));
  }
  return sources;
}
