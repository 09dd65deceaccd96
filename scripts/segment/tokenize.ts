/**
 * A tokenizer in the convention of the CoNLL-2003 corpus the tagger learns from:
 * punctuation split off, possessive `'s` and `n't` separate tokens, initialisms and
 * known abbreviations keep their period (`U.S.`, `Rep.`), domains, hashtags and
 * handles stay whole. Offsets are JavaScript string indices.
 */
import type { Token } from '../core/types.ts';
import { isAbbreviation } from './abbreviations.ts';

const TOKEN = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"”’)\]]+[^\s<>"”’)\].,;:!?]`, // URL
    String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(?:com|net|org|edu|gov|io|co|uk|us|ca|de|fr|ru|me|tv|info|biz|app|dev|news|social|club|xyz|in|au|nz|jp|cn|eu)\b(?:\/[^\s<>"”’)\]]*[^\s<>"”’)\].,;:!?])?`, // domain
    String.raw`[#@][\p{L}\p{N}_]+`, // hashtag, handle
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s)?`, // number, date, ordinal
    String.raw`(?:\p{Lu}\.){2,}`, // initialism with dots: U.S.
    String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’.&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*`, // word
    String.raw`\.{3}|…|--|—|–`, // ellipsis, dashes
    String.raw`\S`, // anything else, one character
  ].join('|'),
  'gu',
);

const CLITIC = /(?:['’][sS]|n['’]t|['’](?:re|ve|ll|d|m))$/;

/** Splits `text` into tokens; `offset` is added to every position. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const word = match[0];
    const clitic = CLITIC.exec(word);
    if (clitic && clitic.index > 0) {
      tokens.push({
        start: start + offset,
        end: start + clitic.index + offset,
        text: word.slice(0, clitic.index),
      });
      tokens.push({
        start: start + clitic.index + offset,
        end: start + word.length + offset,
        text: clitic[0],
      });
      continue;
    }
    let end = start + word.length;
    // Keep the period of an abbreviation ("Rep.", "Aug.", "J."), not a sentence's final period.
    if (text[end] === '.' && /^\p{L}/u.test(word) && isAbbreviation(word)) {
      end += 1;
      pattern.lastIndex = end;
    }
    tokens.push({ start: start + offset, end: end + offset, text: text.slice(start, end) });
  }
  return tokens;
}
