/**
 * Stage 1, read: `content/articles/*.md` → validated `Article`s, and
 * `content/entities/<type>/*.md` → curated entities. One of the two stages that touch
 * the disk. A bad file becomes a `ContentProblem` naming file, line and fix; every
 * other file is still read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type matter from 'gray-matter';
import type { z } from 'astro/zod';
import { articleId, slugify } from '../core/ids.ts';
import { ArticleFrontMatterSchema, CuratedEntitySchema, ENTITY_TYPES } from '../core/schema.ts';
import type { Article, ContentProblem } from '../core/types.ts';
import type { CuratedEntity, EntityType } from '../core/schema.ts';
import { hasBidiControl, hasInvisible } from '../core/names.ts';
import { TYPE_FOLDERS } from '../core/urls.ts';
import { parseFrontMatter } from './front-matter.ts';

export interface ReadResult<T> {
  items: T[];
  problems: ContentProblem[];
}

/** Markdown files of a folder, sorted so that output never depends on the file system's order. */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(md|markdown)$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Larger articles are refused: one article should never hold up or bloat the whole site. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Decodes a file's text: UTF-8 strictly, or UTF-16 when it starts with a byte-order mark
 * (Windows tools save that). A file that is not text is reported, not read as garbage.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new Error(
      `is ${mb} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for one article (split it into several)`,
    );
  }
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  let text: string;
  if (bom16) {
    text = new TextDecoder(bom16, { fatal: true }).decode(bytes);
  } else {
    if (bytes.includes(0))
      throw new Error('is a binary file, not text (save it as UTF-8 markdown)');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error('is not valid UTF-8 text (re-save it with UTF-8 encoding)');
    }
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The 1-based line of a top-level front matter key, to point errors at it. */
function lineOfKey(source: string, key: string | undefined): number {
  if (!key) return 1;
  const index = source.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}

/** Turns a zod failure into one readable problem: the file, its first bad line, every issue. */
function zodProblem(file: string, source: string, error: z.ZodError): ContentProblem {
  const keys = error.issues.map((issue) =>
    issue.path[0] === undefined ? undefined : String(issue.path[0]),
  );
  const messages = error.issues.map((issue, i) => {
    const key = keys[i];
    const message = issue.message.replace(/^Invalid input: /, '');
    return key && !message.includes(key) ? `"${key}" ${message}` : message;
  });
  return {
    file,
    line: Math.min(...keys.map((key) => lineOfKey(source, key))),
    message: messages.join('; '),
  };
}

/** Parses front matter, reporting YAML errors with their line. */
function parseMatter(file: string, source: string): matter.GrayMatterFile<string> | ContentProblem {
  const parsed = parseFrontMatter(source);
  if (!('reason' in parsed)) return parsed;
  return {
    file,
    line: parsed.line ?? 1,
    message: `invalid YAML front matter: ${parsed.reason} (check quotes, colons and aliases)`,
  };
}

/**
 * Warnings for text fields that held characters the schema took out: bidirectional
 * controls (they would reorder the page around the field) and, in names (`names`),
 * invisible ones.
 */
function strippedCharacterWarnings(
  file: string,
  source: string,
  data: Record<string, unknown>,
  names = false,
): ContentProblem[] {
  const stripped = (t: unknown) =>
    typeof t === 'string' && (hasBidiControl(t) || (names && hasInvisible(t)));
  const warnings: ContentProblem[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!(Array.isArray(value) ? value : [value]).some(stripped)) continue;
    warnings.push({
      file,
      line: lineOfKey(source, key),
      message: `"${key}" held invisible or text-direction control characters, removed so they cannot reorder or disguise the page (retype the text without them)`,
      kept: true,
    });
  }
  return warnings;
}

/** A markdown file decoded and split into front matter and body, or the problem with it. */
function loadMarkdown(
  path: string,
  root: string,
): { file: string; source: string; parsed: matter.GrayMatterFile<string> } | ContentProblem {
  const file = relative(root, path);
  let source: string;
  try {
    source = decodeText(readFileSync(path));
  } catch (error) {
    return { file, message: (error as Error).message };
  }
  const parsed = parseMatter(file, source);
  return 'message' in parsed ? parsed : { file, source, parsed };
}

/**
 * Deepest nesting of blockquotes and lists an article may have. News never nests more
 * than a few levels; far deeper trees overflow the stack of the recursive tree walks that
 * render and copy them (1,500 nested blockquotes did), so they are refused at read.
 */
export const MAX_NESTING = 100;

/** A container marker at the start of a line: `>`, or a list item's bullet or number. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/**
 * How deep the body's blockquotes and lists nest, read from the markers that open its
 * lines (and the indentation before a list item): an estimate from above, linear in the
 * text, made before any recursive parse.
 */
export function nestingDepth(body: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  body.split('\n').forEach((text, i) => {
    let rest = text;
    let depth = 0;
    const indent = /^ */.exec(rest)![0].length;
    for (let m = CONTAINER.exec(rest); m && m[0].length; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth) depth += Math.floor(indent / 2);
    if (depth > deepest.depth) deepest = { depth, line: i };
  });
  return deepest;
}

/** Reads every article in `dir`. */
export function readArticles(dir: string, root: string): ReadResult<Article> {
  const items: Article[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of markdownFiles(dir)) {
    const loaded = loadMarkdown(path, root);
    if ('message' in loaded) {
      problems.push(loaded);
      continue;
    }
    const { file, source, parsed } = loaded;
    const meta = ArticleFrontMatterSchema.safeParse(parsed.data);
    if (!meta.success) {
      problems.push(zodProblem(file, source, meta.error));
      continue;
    }
    problems.push(...strippedCharacterWarnings(file, source, parsed.data));
    if (!/[\p{L}\p{N}]/u.test(parsed.content)) {
      problems.push({ file, message: 'has no text after its front matter (add the article body)' });
      continue;
    }
    const bodyLine = source.split('\n').length - parsed.content.split('\n').length + 1;
    const nesting = nestingDepth(parsed.content);
    if (nesting.depth > MAX_NESTING) {
      problems.push({
        file,
        line: bodyLine + nesting.line,
        message: `nests blockquotes or lists ${nesting.depth} deep, over the limit of ${MAX_NESTING} (flatten them)`,
      });
      continue;
    }
    const slug = slugify(basename(path).replace(/\.(md|markdown)$/i, ''));
    if (seen.has(slug)) {
      problems.push({
        file,
        message: `has the same URL slug "${slug}" as ${seen.get(slug)} (rename one of them)`,
      });
      continue;
    }
    seen.set(slug, file);
    const hash = createHash('sha256').update(source).digest('hex');
    items.push({
      id: articleId(slug),
      slug,
      file,
      meta: meta.data,
      // One Unicode form, so that NFC and NFD spellings of a name are one name.
      body: parsed.content.normalize('NFC'),
      bodyLine,
      hash,
    });
  }
  return { items, problems };
}

export interface CuratedEntry extends CuratedEntity {
  /** Editorial summary: the markdown body of the file. */
  summary: string;
  file: string;
}

/** Reads curated entities from `content/entities/<type>/*.md` (or the URL's folder name, `people/`). */
export function readCuratedEntities(dir: string, root: string): ReadResult<CuratedEntry> {
  const items: CuratedEntry[] = [];
  const problems: ContentProblem[] = [];
  const folders = new Map<string, EntityType>();
  for (const type of ENTITY_TYPES) {
    folders.set(type, type);
    folders.set(TYPE_FOLDERS[type], type);
  }
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (!entry.isDirectory() || folders.has(entry.name)) continue;
      problems.push({
        file: relative(root, join(dir, entry.name)),
        message: `is not an entity folder, so its files are not read (use one of ${ENTITY_TYPES.join(', ')})`,
      });
    }
  }
  for (const [folder, type] of folders) {
    for (const path of markdownFiles(join(dir, folder))) {
      const loaded = loadMarkdown(path, root);
      if ('message' in loaded) {
        problems.push(loaded);
        continue;
      }
      const { file, source, parsed } = loaded;
      const entity = CuratedEntitySchema.safeParse({ type, ...parsed.data });
      if (!entity.success) {
        problems.push(zodProblem(file, source, entity.error));
      } else if (entity.data.type !== type) {
        problems.push({
          file,
          line: lineOfKey(source, 'type'),
          message: `type "${entity.data.type}" does not match its folder "${folder}" (move the file)`,
        });
      } else {
        problems.push(...strippedCharacterWarnings(file, source, parsed.data, true));
        items.push({ ...entity.data, summary: parsed.content.normalize('NFC').trim(), file });
      }
    }
  }
  return { items, problems };
}

/** `file:line: message`, the form editors and terminals link. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}
