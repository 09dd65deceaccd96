/**
 * A proper-name chunker: runs of capitalized tokens (with "of", "for", "and", "on"
 * allowed inside, "8chan"-style alphanumerics and acronyms allowed), minus words
 * listed in `scripts/data/not-names.txt`. Shared by the pattern recognizers.
 */
import { readFileSync } from 'node:fs';
import type { Token } from '../core/types.ts';

export const NOT_NAMES: ReadonlySet<string> = new Set(
  readFileSync(new URL('../data/not-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'de', 'la', 'von', 'van', 'al', 'bin', '&']);

/** A token that can be part of a name: capitalized, an acronym, or digits+letters ("8chan"). */
export function isNameToken(token: Token): boolean {
  const text = token.text;
  return /^\p{Lu}/u.test(text) || /^\p{N}+\p{L}[\p{L}\p{N}]*$/u.test(text);
}

/** Index ranges `[start, end)` of name chunks in a sentence's tokens. */
export function chunkNames(tokens: Token[]): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]!) || NOT_NAMES.has(tokens[i]!.text)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      const token = tokens[end]!;
      if (isNameToken(token) && !NOT_NAMES.has(token.text) && adjacent(tokens[end - 1]!, token)) {
        end++;
      } else if (
        CONNECTORS.has(token.text) &&
        end + 1 < tokens.length &&
        isNameToken(tokens[end + 1]!) &&
        !NOT_NAMES.has(tokens[end + 1]!.text)
      ) {
        end += 2;
      } else break;
    }
    chunks.push([i, end]);
    i = end;
  }
  return chunks;
}

/** Tokens separated by at most one space (a line break or punctuation ends a name). */
function adjacent(left: Token, right: Token): boolean {
  return right.start - left.end <= 1;
}
