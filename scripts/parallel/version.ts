/**
 * The extraction pipeline's version: a hash of everything per-article extraction
 * depends on besides the article itself — the model files (`scripts/tagger/models/`), the word
 * lists (`scripts/data/`), the source of every module extraction imports (followed from
 * `extract-article.ts` through relative imports, so a code change anywhere in the
 * recognizers, segmenter or quote finder counts), the curated entities the gazetteer
 * reads, the versions of the packages it reads data from (`DATA_PACKAGES`), and
 * `EXTRACTION_VERSION` for changes no file shows (another dependency's upgrade).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump to invalidate every cached extraction by hand. */
export const EXTRACTION_VERSION = 1;

/** Packages whose data extraction reads: the top-level domains (`recognize/patterns.ts`). */
const DATA_PACKAGES = ['tlds'];
const require = createRequire(import.meta.url);

const SCRIPTS = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./extract-article.ts', import.meta.url));
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/g;

/** `entry` and every `.ts` module it reaches through relative imports, sorted. */
export function moduleClosure(entry = ENTRY): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      stack.push(resolve(dirname(file), match[1]!));
    }
  }
  return [...seen].sort();
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** Hash of the files and values extraction depends on; `context` is build-wide input. */
export function pipelineVersion(context: unknown, scripts = SCRIPTS): string {
  const hash = createHash('sha256');
  hash.update(`extraction ${EXTRACTION_VERSION}\0${JSON.stringify(context)}\0`);
  for (const name of DATA_PACKAGES)
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\0`);
  const files = [
    ...filesIn(join(scripts, 'tagger', 'models')),
    ...filesIn(join(scripts, 'data')),
    ...moduleClosure(join(scripts, 'parallel', 'extract-article.ts')),
  ];
  for (const file of files) {
    hash.update(`${file.slice(scripts.length)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}
