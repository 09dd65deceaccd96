/** Markdown articles: front matter kept, title from it or from the first `# heading`. */
import matter from 'gray-matter';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ImportError, type ConvertedArticle, type DetectedFrontMatter } from './types.ts';

const parser = unified().use(remarkParse);

/** The first top-level `# heading` (ATX or setext), with its source offsets. */
function firstTitleHeading(body: string): { text: string; start: number; end: number } | null {
  const tree = parser.parse(body) as Root;
  const heading = tree.children.find(
    (node): node is Heading => node.type === 'heading' && node.depth === 1,
  );
  const start = heading?.position?.start.offset;
  const end = heading?.position?.end.offset;
  if (!heading || start === undefined || end === undefined) return null;
  return { text: toString(heading).trim(), start, end };
}

/**
 * Common spellings a hand-written front matter uses for our keys: a single `author`, an
 * `authors` string, a YAML date. Other keys are kept untouched.
 */
function normalizeData(data: Record<string, unknown>): DetectedFrontMatter {
  const { author, ...rest } = data;
  const result: DetectedFrontMatter = { ...rest };
  const authors = rest.authors ?? author;
  if (typeof authors === 'string') result.authors = [authors];
  else if (authors !== undefined) result.authors = authors as string[];
  if (rest.date instanceof Date && !Number.isNaN(rest.date.getTime())) {
    result.date = rest.date.toISOString().slice(0, 10);
  }
  return result;
}

/**
 * Converts a decoded `.md` / `.markdown` article. The first `# heading` becomes the
 * title when the front matter has none, and is removed from the body whenever it is
 * the title, so the headline is not shown twice.
 */
export function importMarkdown(source: string): ConvertedArticle {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content unless given options; keep results independent.
    parsed = matter(source, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportError(`has front matter that is not valid YAML (${reason}); fix it and retry`);
  }
  const frontMatter = normalizeData(parsed.data);
  let body = parsed.content.trim();
  const heading = firstTitleHeading(body);
  const fmTitle = typeof frontMatter.title === 'string' ? frontMatter.title.trim() : '';
  if (heading && (!fmTitle || heading.text === fmTitle)) {
    frontMatter.title = fmTitle || heading.text;
    body =
      `${body.slice(0, heading.start).trimEnd()}\n\n${body.slice(heading.end).trimStart()}`.trim();
  }
  if (!frontMatter.title) {
    throw new ImportError('has no title (add "title:" to its front matter or a "# Heading" line)');
  }
  if (!body) throw new ImportError('has a title but no text (add the article text below it)');
  // The body is kept byte for byte: trailing spaces may be hard breaks, blank lines code.
  return { frontMatter, body };
}
