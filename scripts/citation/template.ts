/**
 * citeproc takes about a millisecond per entry and style, and a large site has tens of
 * thousands of pages to cite in four styles. Most pages' items differ only in their
 * title and URL: "Matthew Prince" and "Kiwi Farms" are both entries in the same site,
 * built the same day. So each style formats such an item once with probe values, and
 * each page's own title and URL go where the probes came out.
 *
 * That is only done where it gives citeproc's own output:
 * - the title has letters, digits, spaces and only the punctuation `- / , : ; < > ( ) % $
 *   & ' .`; it goes in escaped as citeproc's HTML output escapes text, with a straight
 *   apostrophe as the typographic one citeproc prints;
 * - for styles that title-case (MLA, Chicago), the title is one citeproc's title case
 *   leaves alone: citeproc capitalizes only words written all in lower case, except a
 *   stop word (or one letter) after a plain space that is neither first nor last, so
 *   such words are all the title may have in lower case;
 * - the URL has only unreserved URL characters.
 * The style's behaviour is probed, not assumed, and a template's first uses for each
 * kind of title (the set of non-word runs in it, and how it begins and ends) are
 * checked against a full formatting: a template that ever differs is dropped for that
 * kind. Every other item is formatted in full.
 */
import { createRequire } from 'node:module';
import type { CslItem } from './csl-json.ts';
import type { StyleSpec } from './engine.ts';

const { SKIP_WORDS } = createRequire(import.meta.url)('citeproc') as { SKIP_WORDS: string[] };
const STOP_WORDS = new Set(SKIP_WORDS.map((w) => w.trim().toLowerCase()));

const PROBE_TITLE = 'Zqxprobetitle';
const PROBE_URL = 'https://zqxprobe.invalid/zqxprobe/';
const PLAIN_TITLE = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N} /,:;<>()%$&'.-]+$/u;

/** A title as citeproc's HTML output writes it (`text_escape`, and its apostrophe). */
const escapeTitle = (title: string) =>
  title
    .replace(/&/g, '&#38;')
    .replace(/</g, '&#60;')
    .replace(/>/g, '&#62;')
    .replace(/\s\s/g, '\u00A0 ')
    .replace(/'/g, '\u2019');

/** What kind of title this is, as far as punctuation rules could tell titles apart. */
function titleKind(title: string): string {
  const runs = [...new Set(title.match(/[^\p{L}\p{N}]+/gu))].sort().join('|');
  const edge = (c: string) => (/[\p{L}\p{N}]/u.test(c) ? 'w' : c);
  return `${edge(title[0]!)}${edge(title.at(-1)!)}\u0000${runs}`;
}
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
  const parts = title.split(/([^\p{L}\p{N}]+)/u);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (word !== word.toLowerCase() || !/\p{L}/u.test(word)) continue;
    const between = i > 0 && i < parts.length - 1 && parts[i - 1] === ' ';
    if (!between || !(word.length === 1 || STOP_WORDS.has(word))) return false;
  }
  return true;
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
    const shapeKey = `${style.key}\u0000${URL === undefined ? '-' : '+'}${JSON.stringify(shape)}`;
    const casing = titleCase(item, style, shapeKey);
    if (casing === 'other' || (casing === 'title' && !titleCased(title))) return full(item, style);
    const key = `${shapeKey}\u0000${titleKind(title)}`;
    const found = template(item, style, key);
    if (!found) return full(item, style);
    const filled = fill(found, escapeTitle(title), URL);
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
