/**
 * Everything a page's cite box shows, formatted once per page at build time: the four
 * styles as HTML, BibTeX and RIS as escaped text, each with the access date marked for
 * the reader's browser to fill; and the downloadable files (which carry no access date:
 * a static file cannot know when it is read, and reference managers stamp their own).
 */
import { findSentinel, markAccessed, sentinelDate } from './accessed.ts';
import type { CslItem } from './csl-json.ts';
import { STYLES, formatStyle, type StyleSpec } from './engine.ts';
import { DOWNLOADS, formatItem, styleItem, withSentinel } from './format-item.ts';
import { type DownloadExt, type FormattedItem } from '../core/views.ts';

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

export { DOWNLOADS, downloadFile } from './format-item.ts';
export type { DownloadExt } from '../core/views.ts';

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

/**
 * Marks the access dates of one page's cite box. `formatted` comes from the build's
 * prepared citations (`prepare.ts`); without it the item is formatted here.
 * `buildDate` stands in for the reader's access date.
 */
export function citePage(
  item: CslItem,
  buildDate: Date,
  formatted: FormattedItem = formatItem(item),
): PageCitation {
  const forStyles = styleItem(withSentinel(item));
  const styles = STYLES.map((style, i) => {
    const html = formatted.styles[i]!;
    const months = monthNames(style, forStyles, html);
    return { key: style.key, label: style.label, html: markAccessed(html, months, buildDate) };
  });
  const exported = (text: string) => markAccessed(escapeHtml(text), [], buildDate);
  return {
    styles,
    bibtex: exported(formatted.bibtex),
    ris: exported(formatted.ris),
    built: buildDate.toISOString().slice(0, 10),
    downloads: formatted.downloads,
  };
}

/**
 * A download as a `data:` URL: the cite box carries its own files, so a page costs one
 * file on the host, not four, and the downloads work offline and from `file://`.
 */
export function downloadHref(cite: PageCitation, ext: DownloadExt): string {
  return `data:${DOWNLOADS[ext].type.replace(/; /g, ';')},${encodeURIComponent(cite.downloads[ext])}`;
}
