/**
 * The access date belongs to the reader, not to the build. Citations are formatted once
 * at build time with a sentinel access date (22 of month M, 1111); this module finds
 * where each style printed it, learns the style's own date pattern (and month names, by
 * formatting the twelve months once per style), and leaves a marked span holding the
 * build date in that pattern. `src/lib/cite-ui.ts` refills it with the reader's date.
 * Without JavaScript the citation reads "Accessed: <build date>", which is still true.
 */

/** Sentinel year and day; no real citation carries them. */
export const SENTINEL_YEAR = 1111;
export const SENTINEL_DAY = 22;

/** CSL date of the sentinel in month `month` (1–12). */
export function sentinelDate(month = 11): { 'date-parts': number[][] } {
  return { 'date-parts': [[SENTINEL_YEAR, month, SENTINEL_DAY]] };
}

/** A date as a style prints it: `{D} {M} {Y}`, `{M} {D}, {Y}`, `{Y}-{MM}-{DD}`, … */
export interface DatePattern {
  pattern: string;
  /** Month names as the style prints them, January first (empty for numeric dates). */
  months: string[];
}

const WORDY = new RegExp(
  `(?:\\b${SENTINEL_DAY}\\s+)?(\\p{L}+\\.?)\\s+(?:${SENTINEL_DAY},?\\s+)?${SENTINEL_YEAR}`,
  'u',
);
const NUMERIC = new RegExp(`${SENTINEL_YEAR}([-/])(\\d{2})\\1(?:${SENTINEL_DAY})(\\/?)`);

/** Where the sentinel is in `text`, and its pattern (without month names). */
export function findSentinel(
  text: string,
): { index: number; length: number; pattern: string; month?: string } | undefined {
  // Numeric first: "accessed 1111-11-22" would otherwise read as a month named "accessed".
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, sep, , trail] = numeric;
    const pattern = `{Y}${sep}{MM}${sep}{DD}${trail}`;
    return { index: numeric.index, length: numeric[0].length, pattern };
  }
  const wordy = WORDY.exec(text);
  if (wordy) {
    const month = wordy[1]!;
    const pattern = wordy[0]
      .replace(String(SENTINEL_YEAR), '{Y}')
      .replace(month, '{M}')
      .replace(String(SENTINEL_DAY), '{D}');
    return { index: wordy.index, length: wordy[0].length, pattern, month };
  }
  return undefined;
}

/** Fills a pattern with a date (UTC parts of an ISO date, as the build knows it). */
export function fillPattern(pattern: string, months: string[], date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return pattern
    .replace('{Y}', String(date.getUTCFullYear()))
    .replace('{MM}', pad(date.getUTCMonth() + 1))
    .replace('{DD}', pad(date.getUTCDate()))
    .replace('{M}', months[date.getUTCMonth()] ?? '')
    .replace('{D}', String(date.getUTCDate()));
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Replaces the sentinel in `html` (already escaped) by a span the browser refills:
 * `<span class="cite-accessed" data-pattern="{D} {M} {Y}" data-months="…">build date</span>`.
 * Returns `html` unchanged when the style printed no access date.
 */
export function markAccessed(html: string, months: string[], buildDate: Date): string {
  const found = findSentinel(html);
  if (!found) return html;
  const monthAttr = found.pattern.includes('{M}')
    ? ` data-months="${escapeAttr(months.join('|'))}"`
    : '';
  const span =
    `<span class="cite-accessed" data-pattern="${escapeAttr(found.pattern)}"${monthAttr}>` +
    `${fillPattern(found.pattern, months, buildDate)}</span>`;
  return html.slice(0, found.index) + span + html.slice(found.index + found.length);
}
