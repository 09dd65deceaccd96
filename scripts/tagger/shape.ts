/**
 * Word shapes: the orthographic pattern of a token with runs collapsed, e.g.
 * `McDonald` → `XxXx`, `U.S.` → `X.X.`, `1996-08-22` → `d-d-d`. Shape generalises
 * capitalisation, digits and punctuation across words never seen in training
 * (Ratinov & Roth 2009, §2; Collins 2002).
 */

/** The collapsed shape of `word` (at most 8 characters so shapes stay a small set). */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const char of word) {
    let kind: string;
    if (char >= 'A' && char <= 'Z') kind = 'X';
    else if (char >= 'a' && char <= 'z') kind = 'x';
    else if (char >= '0' && char <= '9') kind = 'd';
    else if (char.toLowerCase() !== char) kind = 'X';
    else if (char.toUpperCase() !== char) kind = 'x';
    else kind = char;
    if (kind !== last) shape += kind;
    last = kind;
    if (shape.length >= 8) break;
  }
  return shape;
}

/** Whether the word begins with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first.toLowerCase() !== first;
}

/** Whether every letter is upper case and there is at least one letter. */
export function isAllCaps(word: string): boolean {
  return word.toUpperCase() === word && word.toLowerCase() !== word;
}

/**
 * Whether a sentence is written in capitals (headlines, datelines such as `BRUSSELS`):
 * there capitalisation tells little, and the tagger conditions on it.
 */
export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const word of words) {
    if (word.toLowerCase() === word) continue;
    if (!isAllCaps(word)) return false;
    letters++;
  }
  return letters > 1;
}
