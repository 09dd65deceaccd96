/** Plain text → markdown that reads back as the same plain text. */

/**
 * Characters that would start markup anywhere in a line. An underscore only matters at
 * a word edge (CommonMark ignores intraword `_`), so `snake_case` stays readable.
 */
const INLINE = /[\\`*[\]<]|&(?=#?\w+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Line starts that would turn a paragraph into a heading, quote, list, rule or fence. */
const BLOCK_START = /^(#{1,6}(?=\s|$)|>|[-+](?=[\s-]|$)|=+\s*$|~~~)/;
const ORDERED_START = /^(\d{1,9})([.)])(?=\s|$)/;

/** Escapes inline markup characters only; for text that is part of a larger line. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&');
}

/**
 * Escapes a line start that would make a paragraph some other block. Works on text whose
 * inline characters are already escaped: none of these characters is escaped inline.
 */
export function escapeBlockStart(line: string): string {
  return line.replace(BLOCK_START, '\\$1').replace(ORDERED_START, '$1\\$2');
}

/**
 * Escapes one paragraph of plain text (no newlines) so that markdown parses it back to
 * exactly that text.
 */
export function escapeText(text: string): string {
  return escapeBlockStart(escapeInline(text));
}
