/**
 * Everything a page's cite box shows, formatted once per page at build time: the four
 * styles as HTML, BibTeX and RIS as escaped text, each with the access date marked for
 * the reader's browser to fill; and the downloadable files (which carry no access date:
 * a static file cannot know when it is read, and reference managers stamp their own).
 */
import { findSentinel, markAccessed, sentinelDate } from './accessed.ts';
import type { CslItem } from './csl-json.ts';
import { STYLES, formatExport, formatStyle, type StyleSpec } from './engine.ts';
import { createTemplates } from './template.ts';

export interface FormattedStyle {
  key: StyleSpec['key'];
  label: string;
  /** The bibliography entry as HTML (italics as `<i>`), safe to insert. */
  html: string;
}

export interface PageCitation {
  styles: FormattedStyle[];
  /** BibTeX and RIS as escaped text (for a `<pre>`), access date marked. */
  bibtex: string;
  ris: string;
  /** The build date (`YYYY-MM-DD`) the marked access dates show until the browser runs. */
  built: string;
  /** The downloads' text by extension (no access date: reference managers add their own). */
  downloads: Record<DownloadExt, string>;
}

/** The download formats, by file extension. */
export const DOWNLOADS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;
export type DownloadExt = keyof typeof DOWNLOADS;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const monthCache = new Map<string, string[]>();

/**
 * Month names as `style` prints them in an access date, probed once per style and item
 * type, and only for styles that print one (of ours, Cite Them Right).
 */
function monthNames(style: StyleSpec, item: CslItem, formatted: string): string[] {
  const key = `${style.key}|${item.type}`;
  let months = monthCache.get(key);
  if (!months) {
    months = findSentinel(formatted)?.month
      ? Array.from({ length: 12 }, (_, i) => {
          const probe = { ...item, accessed: sentinelDate(i + 1) };
          return findSentinel(formatStyle(probe, style))?.month ?? '';
        })
      : [];
    monthCache.set(key, months);
  }
  return months;
}

/** Entries of items that differ only in title and URL are formatted once per style. */
const templates = createTemplates(formatStyle);

/** How many style entries were filled from templates and how many formatted in full. */
export const citationStats = templates.stats;

/** Formats the cite box of one page. `buildDate` stands in for the reader's access date. */
export function citePage(item: CslItem, buildDate: Date): PageCitation {
  const withSentinel = { ...item, accessed: sentinelDate() };
  const forStyles = styleItem(withSentinel);
  const styles = STYLES.map((style) => {
    const html = templates.formatEntry(forStyles, style);
    const months = monthNames(style, forStyles, html);
    return { key: style.key, label: style.label, html: markAccessed(html, months, buildDate) };
  });
  const exported = (format: 'bibtex' | 'ris') =>
    markAccessed(escapeHtml(formatExport(withSentinel, format)), [], buildDate);
  return {
    styles,
    bibtex: exported('bibtex'),
    ris: exported('ris'),
    built: buildDate.toISOString().slice(0, 10),
    downloads: {
      bib: downloadFile(item, 'bib'),
      ris: downloadFile(item, 'ris'),
      json: downloadFile(item, 'json'),
    },
  };
}

/**
 * The item as the styles see it: APA 7 and Chicago omit a publisher that repeats the
 * site's name ("In Dossier. Dossier."). Exports keep it: BibTeX's `@misc` has no
 * container field, so `publisher` is where the site's name survives there.
 */
function styleItem(item: CslItem): CslItem {
  if (item.publisher !== item['container-title']) return item;
  const { publisher: _publisher, ...rest } = item;
  return rest;
}

/**
 * A download as a `data:` URL: the cite box carries its own files, so a page costs one
 * file on the host, not four, and the downloads work offline and from `file://`.
 */
export function downloadHref(cite: PageCitation, ext: DownloadExt): string {
  return `data:${DOWNLOADS[ext].type.replace(/; /g, ';')},${encodeURIComponent(cite.downloads[ext])}`;
}

/** The text of a download (`.bib`, `.ris`, `.json`) for one page. */
export function downloadFile(item: CslItem, ext: DownloadExt): string {
  if (ext === 'json') return JSON.stringify([item], null, 2) + '\n';
  return formatExport(item, ext === 'bib' ? 'bibtex' : 'ris');
}
