/**
 * The formatting of one cited item, everything citeproc and citation-js do for a cite
 * box: the four styles as HTML and BibTeX and RIS as text, all with the sentinel access
 * date (`accessed.ts`), and the downloads without one (a static file cannot know when it
 * is read; reference managers stamp their own). Plain data, so that it can be made on a
 * worker thread and cached (`prepare.ts`).
 */
import { sentinelDate } from './accessed.ts';
import type { CslItem } from './csl-json.ts';
import { STYLES, formatExport, formatStyle } from './engine.ts';
import { createTemplates } from './template.ts';

/** The download formats, by file extension. */
export const DOWNLOADS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;
export type DownloadExt = keyof typeof DOWNLOADS;

export interface FormattedItem {
  /** One entry per style of `STYLES`, as HTML, with the sentinel access date. */
  styles: string[];
  /** BibTeX and RIS as plain text, with the sentinel access date. */
  bibtex: string;
  ris: string;
  /** The downloads' text by extension. */
  downloads: Record<DownloadExt, string>;
}

/** Entries of items that differ only in title and URL are formatted once per style. */
const templates = createTemplates(formatStyle);

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

/** Everything the cite box of `item`'s page needs formatted. */
export function formatItem(item: CslItem): FormattedItem {
  const sentinel = withSentinel(item);
  const forStyles = styleItem(sentinel);
  return {
    styles: STYLES.map((style) => templates.formatEntry(forStyles, style)),
    bibtex: formatExport(sentinel, 'bibtex'),
    ris: formatExport(sentinel, 'ris'),
    downloads: {
      bib: downloadFile(item, 'bib'),
      ris: downloadFile(item, 'ris'),
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
