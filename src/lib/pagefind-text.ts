/**
 * Pagefind's default UI inserts filter values as HTML, after decoding entities in them,
 * so escaping a value does not survive the trip (seen with Pagefind 1.6: `&amp;lt;img…`
 * still became an <img> element). A value taken from an article (a publisher name) is
 * therefore handed to Pagefind without angle brackets, which no real name needs.
 */
export function pagefindFilterValue(value: string): string {
  return value.replace(/[<>]/g, '');
}
