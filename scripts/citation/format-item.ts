/**
 * The formatting of one cited item, everything citeproc and citation-js do for a cite
 * box: the four styles as HTML and BibTeX and RIS as text, all with the sentinel access
 * date (`accessed.ts`), and the downloads without one (a static file cannot know when it
 * is read; reference managers stamp their own). Plain data, so that it can be made on a
 * worker thread and cached (`prepare.ts`).
 */
import { sentinelDate } from './accessed.ts';
import type { CslItem } from './csl-json.ts';
import { STYLES, formatExport, formatStyle, titleCase } from './engine.ts';
import { createTemplates } from './template.ts';
import type { DownloadExt, FormattedItem } from '../core/views.ts';

/** The download formats, by file extension. */
export const DOWNLOADS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const satisfies Record<DownloadExt, { label: string; type: string }>;

/** Entries of items that differ only in title and URL are formatted once per style. */
const templates = createTemplates(formatStyle, titleCase);

/** The item with the sentinel access date the cite box's styles are formatted with. */
export function withSentinel(item: CslItem): CslItem {
  return { ...item, accessed: sentinelDate() };
}

/**
 * The item as the styles see it: APA 7 and Chicago omit a publisher that repeats the
 * site's name ("In Dossier. Dossier."). Exports keep it: BibTeX's `@misc` has no
 * container field, so `publisher` is where the site's name survives there.
 */
export function styleItem(item: CslItem): CslItem {
  if (item.publisher !== item['container-title']) return item;
  const { publisher: _publisher, ...rest } = item;
  return rest;
}

/** The text of a download (`.bib`, `.ris`, `.json`) for one page. */
export function downloadFile(item: CslItem, ext: DownloadExt): string {
  if (ext === 'json') return JSON.stringify([item], null, 2) + '\n';
  return formatExport(item, ext === 'bib' ? 'bibtex' : 'ris');
}

const pad = (n: number) => String(n).padStart(2, '0');
const [[year, month, day]] = sentinelDate()['date-parts'] as [[number, number, number]];
/** The line citation-js writes for the sentinel access date, by export format. */
const ACCESSED_LINE = {
  bib: `\n\tnote = {[Online; accessed ${year}-${pad(month)}-${pad(day)}]},\n`,
  ris: `\nY2  - ${year}/${pad(month)}/${pad(day)}/\n`,
};

/**
 * The download from the export with the sentinel access date, without its line:
 * citation-js writes the access date on a line of its own (BibTeX `note`, RIS `Y2`)
 * and derives no other field from it, so this is what formatting `item` again without
 * one gives (`test/citation/cite.test.ts` compares the two), for half the cost.
 */
function withoutAccessed(item: CslItem, ext: 'bib' | 'ris', text: string): string {
  const parts = text.split(ACCESSED_LINE[ext]);
  return parts.length === 2 ? parts.join('\n') : downloadFile(item, ext);
}

/** Everything the cite box of `item`'s page needs formatted. */
export function formatItem(item: CslItem): FormattedItem {
  const sentinel = withSentinel(item);
  const forStyles = styleItem(sentinel);
  const bibtex = formatExport(sentinel, 'bibtex');
  const ris = formatExport(sentinel, 'ris');
  return {
    styles: STYLES.map((style) => templates.formatEntry(forStyles, style)),
    bibtex,
    ris,
    downloads: {
      bib: withoutAccessed(item, 'bib', bibtex),
      ris: withoutAccessed(item, 'ris', ris),
      json: downloadFile(item, 'json'),
    },
  };
}

/**
 * `formatItem`, and whether the result is worth caching: one that needed citeproc in
 * full (a millisecond a style). One filled from templates costs less to make again
 * than to read back from a cache file.
 */
export function formatItemForCache(item: CslItem): { result: FormattedItem; keep: boolean } {
  const before = templates.stats.formatted;
  const result = formatItem(item);
  return { result, keep: templates.stats.formatted > before };
}
