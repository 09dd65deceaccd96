/**
 * The benchmark's throwaway project: `content/articles/*.md` written from corpus records,
 * and the environment that points a build's input, output, data and Astro cache there.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArticle } from './corpus.ts';

export interface Workspace {
  root: string;
  env: Record<string, string>;
  articlesDir: string;
}

/** Front matter plus body; JSON strings are valid YAML, so any title survives quoting. */
export function articleMarkdown(article: BenchArticle): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(article.title)}`,
    `publisher: ${JSON.stringify(article.publisher)}`,
    ...(article.date ? [`date: '${article.date}'`] : []),
    '---',
    '',
    article.body,
    '',
  ];
  return lines.join('\n');
}

/** Creates a temporary project holding `articles`. */
export function createWorkspace(articles: BenchArticle[], parent = tmpdir()): Workspace {
  const root = mkdtempSync(join(parent, 'kb-bench-'));
  const articlesDir = join(root, 'content', 'articles');
  mkdirSync(articlesDir, { recursive: true });
  for (const article of articles) {
    writeFileSync(join(articlesDir, `${article.slug}.md`), articleMarkdown(article));
  }
  return {
    root,
    articlesDir,
    env: {
      KB_CONTENT: join(root, 'content'),
      KB_OUT: join(root, 'dist'),
      KB_DATA: join(root, 'data'),
      KB_ASTRO_CACHE: join(root, 'astro-cache'),
      // Reproducible output, so that runs can be compared byte for byte.
      SOURCE_DATE_EPOCH: '0',
    },
  };
}

/** Number of files, bytes and HTML pages under `dir`. */
export function measureTree(dir: string): { files: number; bytes: number; pages: number } {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        files++;
        bytes += statSync(path).size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(dir);
  return { files, bytes, pages };
}

/**
 * Removes the workspace (unless the caller keeps it for inspection). After
 * `--rebuild-one`, the build may still be removing its old site in a process of its own
 * (`scripts/util/replace-tree.ts`), and a file that process removes first can end one
 * removal pass early without an error (twice a workspace was left behind): so pass again
 * while anything is left.
 */
export function removeWorkspace(workspace: Workspace): void {
  for (let pass = 0; pass < 5 && existsSync(workspace.root); pass++)
    rmSync(workspace.root, { recursive: true, force: true, maxRetries: 2 });
}
