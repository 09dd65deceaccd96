/**
 * The values shared by the importers: what a converter detected in one source, and
 * the error that names a file which cannot be imported.
 */

/**
 * Facts a converter found in a source. Known keys mirror `ArticleFrontMatterSchema`;
 * markdown sources may carry extra keys of their own, which are kept as they are.
 */
export interface DetectedFrontMatter {
  title?: string;
  publisher?: string;
  authors?: string[];
  date?: string;
  url?: string;
  language?: string;
  note?: string;
  [key: string]: unknown;
}

/** The result of a pure conversion: front matter facts and a markdown body. */
export interface ConvertedArticle {
  frontMatter: DetectedFrontMatter;
  /** Markdown, blocks separated by one blank line, no trailing newline. */
  body: string;
}

/**
 * A source that cannot be imported. The message completes the sentence "<file> …" and
 * says what to do, e.g. "is empty (nothing to import)".
 */
export class ImportError extends Error {
  override name = 'ImportError';
}
