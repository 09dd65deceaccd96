/** Headline lines as pasted from a browser: "Headline – Publisher". */

/**
 * The last " – ", " — ", " - " or " | " in a line; what follows may be a publisher.
 * Greedy `(.*)` so that "A – B – The Post" splits before "The Post".
 */
const TRAILING_PUBLISHER = /^(.*\S)\s+(?:[–—|]|-)\s+(\S.*)$/;
/** Longer tails are more likely part of the headline ("Biden - a long reckoning with…"). */
const MAX_PUBLISHER_WORDS = 6;
const MAX_PUBLISHER_LENGTH = 60;

/**
 * Splits a trailing " – Publisher" (en dash, em dash, spaced hyphen or " | ") off a
 * headline. Returns the line unchanged, without publisher, when there is no such tail
 * or the tail is too long to be a publisher's name.
 */
export function splitTitle(line: string): { title: string; publisher?: string } {
  const trimmed = line.trim();
  const match = TRAILING_PUBLISHER.exec(trimmed);
  const [, title, publisher] = match ?? [];
  if (
    !title ||
    !publisher ||
    publisher.length > MAX_PUBLISHER_LENGTH ||
    publisher.split(/\s+/).length > MAX_PUBLISHER_WORDS ||
    // A quoted or sentence-like tail is part of the headline: 'Mayor – "We will rebuild."'.
    /^["“‘']|[.?:]["”’']?$/.test(publisher)
  ) {
    return { title: trimmed };
  }
  return { title, publisher };
}
