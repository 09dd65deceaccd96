/**
 * citeproc takes about a millisecond per entry and style, and a large site has tens of
 * thousands of pages to cite in four styles. Most pages' items differ only in their
 * title and URL: "Matthew Prince" and "Kiwi Farms" are both entries in the same site,
 * built the same day. So each style formats such an item once with probe values, and
 * each page's own title and URL go where the probes came out.
 *
 * That is only done where it provably gives citeproc's own output:
 * - the title is made of letters and digits, with single spaces or hyphens between
 *   words, so nothing in it is escaped, quoted, flipped or moved by punctuation rules;
 * - for styles that title-case (MLA, Chicago), the title is already in title case in a
 *   way citeproc leaves alone: every word starts with a capital or a digit, has a
 *   lower-case letter or digit somewhere in the title, and is not one of citeproc's
 *   stop words, which it would lower-case;
 * - the URL has only unreserved URL characters.
 * The style's behaviour is probed, not assumed, and each template's first uses are
 * checked against a full formatting: a template that ever differs is dropped. Every
 * other item is formatted in full.
 */
import { createRequire } from 'node:module';
import type { CslItem } from './csl-json.ts';
import type { StyleSpec } from './engine.ts';

const { SKIP_WORDS } = createRequire(import.meta.url)('citeproc') as { SKIP_WORDS: string[] };
const STOP_WORDS = new Set(SKIP_WORDS.map((w) => w.trim().toLowerCase()));

const PROBE_TITLE = 'Zqxprobetitle';
const PROBE_URL = 'https://zqxprobe.invalid/zqxprobe/';
const PLAIN_TITLE = /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.:-]+(?:\/[A-Za-z0-9._~%-]*)*$/;
/** How many uses of a template are checked against a full formatting. */
const CHECKED_USES = 3;

type Format = (item: CslItem, style: StyleSpec) => string;

/** What a style does with a plain title: leaves it, title-cases it, or something else. */
type TitleCase = 'as-is' | 'title' | 'other';

interface Template {
  /** The entry cut where the probe title (and URL, if any) were. */
  parts: string[];
  /** Whether the title comes before the URL in the entry. */
  titleFirst: boolean;
  uses: number;
}

/** A title citeproc's title case leaves as it is. */
function titleCased(title: string): boolean {
  if (!/\p{Ll}|\p{N}/u.test(title)) return false;
  return title
    .split(/[ -]/)
    .every((word) => /^[\p{Lu}\p{N}]/u.test(word) && !STOP_WORDS.has(word.toLowerCase()));
}

export interface TemplateStats {
  /** Entries filled in from a template. */
  filled: number;
  /** Entries formatted in full (no template applies, or a template use being checked). */
  formatted: number;
}

/** A cache of entry templates in front of `format`, for one process. */
export function createTemplates(format: Format) {
  const templates = new Map<string, Template | null>();
  const titleCases = new Map<string, TitleCase>();
  const stats: TemplateStats = { filled: 0, formatted: 0 };

  const full = (item: CslItem, style: StyleSpec) => {
    stats.formatted++;
    return format(item, style);
  };

  function titleCase(item: CslItem, style: StyleSpec, key: string): TitleCase {
    let found = titleCases.get(key);
    if (!found) {
      const lower = format({ ...item, title: 'zqx probe of the title' }, style);
      const upper = format({ ...item, title: 'Zqx Probe Title' }, style);
      found = !upper.includes('Zqx Probe Title')
        ? 'other'
        : lower.includes('zqx probe of the title')
          ? 'as-is'
          : lower.includes('Zqx Probe of the Title')
            ? 'title'
            : 'other';
      titleCases.set(key, found);
    }
    return found;
  }

  function template(item: CslItem, style: StyleSpec, key: string): Template | null {
    let found = templates.get(key);
    if (found === undefined) {
      const probe = format(
        { ...item, title: PROBE_TITLE, ...(item.URL !== undefined && { URL: PROBE_URL }) },
        style,
      );
      const byTitle = probe.split(PROBE_TITLE);
      const byUrl = probe.split(PROBE_URL).length;
      found = null;
      if (byTitle.length === 2 && item.URL === undefined && byUrl === 1)
        found = { parts: byTitle, titleFirst: true, uses: 0 };
      else if (byTitle.length === 2 && byUrl === 2) {
        const [head, tail] = byTitle as [string, string];
        found = head.includes(PROBE_URL)
          ? { parts: [...head.split(PROBE_URL), tail], titleFirst: false, uses: 0 }
          : { parts: [head, ...tail.split(PROBE_URL)], titleFirst: true, uses: 0 };
      }
      templates.set(key, found);
    }
    return found;
  }

  /** The template with `title` and `url` where the probes were. */
  function fill({ parts, titleFirst }: Template, title: string, url = ''): string {
    if (parts.length === 2) return parts[0] + title + parts[1];
    const [first, second] = titleFirst ? [title, url] : [url, title];
    return parts[0] + first + parts[1] + second + parts[2];
  }

  /** `item` in `style`, exactly as `format` would give it. */
  function formatEntry(item: CslItem, style: StyleSpec): string {
    const { title, URL, id: _id, 'citation-key': _key, ...shape } = item;
    if (!PLAIN_TITLE.test(title) || (URL !== undefined && !PLAIN_URL.test(URL)))
      return full(item, style);
    const key = `${style.key}\u0000${URL === undefined ? '-' : '+'}${JSON.stringify(shape)}`;
    const casing = titleCase(item, style, key);
    if (casing === 'other' || (casing === 'title' && !titleCased(title))) return full(item, style);
    const found = template(item, style, key);
    if (!found) return full(item, style);
    const filled = fill(found, title, URL);
    if (found.uses < CHECKED_USES) {
      found.uses++;
      const expected = full(item, style);
      if (expected !== filled) templates.set(key, null);
      return expected;
    }
    stats.filled++;
    return filled;
  }

  return { formatEntry, stats };
}
