/** One source file's bytes → a converted article, by the file's extension. */
import { extname } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../read/index.ts';
import { decodeHtml, decodeSource } from './decode.ts';
import { importHtml } from './html.ts';
import { importMarkdown } from './markdown.ts';
import { importText } from './text.ts';
import { ImportError, type ConvertedArticle } from './types.ts';

const CONVERTERS: Record<string, (source: string) => ConvertedArticle> = {
  '.txt': importText,
  '.md': importMarkdown,
  '.markdown': importMarkdown,
  '.html': importHtml,
  '.htm': importHtml,
};

/** Extensions `kb import` understands, lower case with the dot. */
export const SUPPORTED_EXTENSIONS = Object.keys(CONVERTERS);

/** True when `kb import` has a converter for this file name. */
export function isSupported(file: string): boolean {
  return extname(file).toLowerCase() in CONVERTERS;
}

/**
 * Decodes and converts one source. Throws an `ImportError` for an unsupported
 * extension or a file that is empty, binary or not text.
 */
export function convertSource(file: string, bytes: Uint8Array): ConvertedArticle {
  const extension = extname(file).toLowerCase();
  const converter = CONVERTERS[extension];
  if (!converter) {
    throw new ImportError(
      `is not a supported file type (import ${SUPPORTED_EXTENSIONS.join(', ')} files; convert this one first)`,
    );
  }
  const html = converter === importHtml;
  if (!html && bytes.length > MAX_ARTICLE_BYTES)
    throw new ImportError(
      `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for one article (split it into several files)`,
    );
  const text = html ? decodeHtml(bytes) : decodeSource(bytes);
  // A text file that opens with front matter is markdown saved as .txt.
  if (extension === '.txt' && /^---\n[\s\S]*?\n---(\n|$)/.test(text)) return importMarkdown(text);
  return converter(text);
}
