/** One source file's bytes → a converted article, by the file's extension. */
import { extname } from 'node:path';
import { decodeSource } from './decode.ts';
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
  const converter = CONVERTERS[extname(file).toLowerCase()];
  if (!converter) {
    throw new ImportError(
      `is not a supported file type (import ${SUPPORTED_EXTENSIONS.join(', ')} files; convert this one first)`,
    );
  }
  return converter(decodeSource(bytes));
}
