/**
 * citeproc takes about a millisecond per entry and style, and a large site has tens of
 * thousands of pages to cite in four styles. Most pages' items differ only in their
 * title and URL: "Matthew Prince" and "Kiwi Farms" are both entries in the same site,
 * built the same day; two Reuters stories of one day differ in nothing else. So each
 * style formats such an item (its "shape": the item without title and URL) once with
 * probe values, and each page's own title and URL go where the probes came out.
 *
 * That is only done where it gives citeproc's own output (citeproc 2.4, checked on every
 * entry of a 10,000-article build and in `test/citation/template.test.ts`):
 * - the title is made of letters, digits, spaces (none at either end) and the
 *   punctuation `- / , : ; < > ( ) % $ & .`, with an apostrophe only after a letter,
 *   no markup citeproc reads (`<i>`, `<sc>`, …) and no character its HTML output
 *   turns into `<sup>`. Such text passes citeproc's quote and markup parser
 *   (`CSL.Util.FlipFlopper`) untouched but for the apostrophes: with no quote opened
 *   (a quote opens after a space or a bracket), each is an apostrophe or a stray
 *   closing quote, and either way prints as `’`. Then its HTML output escapes the
 *   text (`text_escape`);
 * - the probe title shows what the style does to the case of a title: nothing, or
 *   title case (MLA, Chicago), which is citeproc's own function, called here
 *   (`engine.ts` `titleCase`); a style that does anything else is left to citeproc;
 * - a title that begins or ends with punctuation may merge with the punctuation next
 *   to it ("Acme Inc." before a full stop), so its first uses next to the same text
 *   are checked against a full formatting, and if one differs, titles with that edge
 *   next to that text are formatted in full from then on;
 * - the URL has only unreserved URL characters.
 * A shape gets a template when it is seen a second time (a one-off costs one
 * formatting either way), and a template's first use is checked against a full
 * formatting. Every other entry is formatted in full.
 */
import { createRequire } from 'node:module';
import type { CslItem } from './csl-json.ts';
import type { StyleSpec } from './engine.ts';

const CSL = createRequire(import.meta.url)('citeproc') as {
  SUPERSCRIPTS_REGEXP: RegExp;
  Output: { Formats: { html: { text_escape(text: string): string } } };
};

/** Lower-case words (one of them a stop word) and an upper-case one: each casing shows. */
const PROBE_TITLE = 'zqxprobe of zqxmid ZQXTITLE';
const PROBE_URL = 'https://zqxprobe.invalid/zqxprobe/';
const PLAIN_TITLE = /^(?=.*[\p{L}\p{N}])(?! )(?:[\p{L}\p{N} /,:;<>()%$&.-]|(?<=\p{L})')+(?<! )$/u;
/** Markup citeproc's parsers read in a field (in any case, to be safe). */
const MARKUP = /<\/?(?:i|b|sc|sub|sup|span)\b/i;
const SUPERSCRIPT = new RegExp(CSL.SUPERSCRIPTS_REGEXP.source);
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.:-]+(?:\/[A-Za-z0-9._~%-]*)*$/;
/** How many uses of a kind of title-edge next to the same text are checked. */
const EDGE_CHECKS = 3;

type Format = (item: CslItem, style: StyleSpec) => string;
type TitleCase = (title: string, style: StyleSpec) => string;

interface Template {
  /** The entry cut where the probe title (and URL, if any) were. */
  parts: string[];
  /** Whether the title comes before the URL in the entry. */
  titleFirst: boolean;
  /** Whether the style title-cases the title (else it prints it as it is). */
  titled: boolean;
  /** Whether its first use was checked. */
  checked: boolean;
}

/** Edge checks so far, by style, neighbouring text and kind of edge. */
interface EdgeChecks {
  uses: number;
  ok: boolean;
}

export interface TemplateStats {
  /** Entries filled in from a template. */
  filled: number;
  /** Entries formatted in full (no template applies, or a template use being checked). */
  formatted: number;
}

/** A cache of entry templates in front of `format`, for one process. */
export function createTemplates(format: Format, titleCase: TitleCase) {
  const templates = new Map<string, Template | null>();
  const edges = new Map<string, EdgeChecks>();
  /** Shapes seen once, not yet worth a template. */
  const seen = new Set<string>();
  const stats: TemplateStats = { filled: 0, formatted: 0 };

  const full = (item: CslItem, style: StyleSpec) => {
    stats.formatted++;
    return format(item, style);
  };

  function template(item: CslItem, style: StyleSpec): Template | null {
    const probe = format(
      { ...item, title: PROBE_TITLE, ...(item.URL !== undefined && { URL: PROBE_URL }) },
      style,
    );
    const titled = !probe.includes(PROBE_TITLE);
    const byTitle = probe.split(titled ? titleCase(PROBE_TITLE, style) : PROBE_TITLE);
    const byUrl = probe.split(PROBE_URL).length;
    const found = { titled, checked: false };
    if (byTitle.length === 2 && item.URL === undefined && byUrl === 1)
      return { ...found, parts: byTitle, titleFirst: true };
    if (byTitle.length !== 2 || byUrl !== 2) return null;
    const [head, tail] = byTitle as [string, string];
    return head.includes(PROBE_URL)
      ? { ...found, parts: [...head.split(PROBE_URL), tail], titleFirst: false }
      : { ...found, parts: [head, ...tail.split(PROBE_URL)], titleFirst: true };
  }

  /**
   * The template with `title` and `url` where the probes were. A title that ends in a
   * full stop takes the place of the style's own after it, as citeproc merges the two
   * ("Acme Inc.", not "Acme Inc.."); edge checks confirm it next to each text.
   */
  function fill({ parts, titleFirst }: Template, title: string, url = ''): string {
    const pieces = [...parts];
    const at = parts.length === 2 || titleFirst ? 1 : 2;
    if (title.endsWith('.') && pieces[at]!.startsWith('.')) pieces[at] = pieces[at]!.slice(1);
    if (parts.length === 2) return pieces[0] + title + pieces[1];
    const [first, second] = titleFirst ? [title, url] : [url, title];
    return pieces[0] + first + pieces[1] + second + pieces[2];
  }

  /** The title's first and last characters, and the text either side of it. */
  function edgeKey({ parts, titleFirst, titled }: Template, title: string, style: StyleSpec) {
    const edge = (c: string) => (/[\p{L}\p{N}]/u.test(c) ? 'w' : c);
    const kind = edge(title[0]!) + edge(title.at(-1)!);
    if (kind === 'ww') return undefined;
    const at = parts.length === 2 || titleFirst ? 0 : 1;
    return `${style.key}${titled ? '+' : '-'}\u0000${parts[at]!.slice(-3)}\u0000${parts[at + 1]!.slice(0, 3)}\u0000${kind}`;
  }

  /** `item` in `style`, exactly as `format` would give it. */
  function formatEntry(item: CslItem, style: StyleSpec): string {
    const { title, URL, id: _id, 'citation-key': _key, ...shape } = item;
    if (
      !PLAIN_TITLE.test(title) ||
      MARKUP.test(title) ||
      SUPERSCRIPT.test(title) ||
      (URL !== undefined && !PLAIN_URL.test(URL))
    )
      return full(item, style);
    const key = `${style.key}\u0000${URL === undefined ? '-' : '+'}${JSON.stringify(shape)}`;
    let found = templates.get(key);
    if (found === undefined) {
      if (!seen.has(key)) {
        seen.add(key);
        return full(item, style);
      }
      found = template(item, style);
      templates.set(key, found);
    }
    if (!found) return full(item, style);
    const text = (found.titled ? titleCase(title, style) : title).replace(/'/g, '\u2019');
    const filled = fill(found, CSL.Output.Formats.html.text_escape(text), URL);
    const edgeAt = edgeKey(found, title, style);
    if (!found.checked) {
      // Checked with a title that cannot touch its neighbours, so that a difference
      // is the template's.
      if (edgeAt !== undefined) return full(item, style);
      const expected = full(item, style);
      found.checked = true;
      if (expected !== filled) templates.set(key, null);
      return expected;
    }
    if (edgeAt !== undefined) {
      const checks = edges.get(edgeAt) ?? { uses: 0, ok: true };
      edges.set(edgeAt, checks);
      if (!checks.ok) return full(item, style);
      if (checks.uses < EDGE_CHECKS) {
        const expected = full(item, style);
        checks.uses++;
        checks.ok = expected === filled;
        return expected;
      }
    }
    stats.filled++;
    return filled;
  }

  return { formatEntry, stats };
}
