/** Article facts from a saved page's `<head>`: Open Graph, article: and link tags. */
import type { DetectedFrontMatter } from './types.ts';

/** The content of the first meta tag with one of these `property`/`name` values. */
function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** An absolute http(s) URL, or nothing: relative or javascript: links are not sources. */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `YYYY-MM-DD` of a published time. A timestamp's own calendar date is kept (no shift
 * to UTC): "2022-09-03T22:00-04:00" was published on the 3rd where it was written.
 */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const literal = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (literal) return literal;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

/** Splits a byline ("By Ann Lee and Bo Chan") into names; URLs (profile links) dropped. */
export function splitByline(byline: string | null | undefined): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name && name.length <= 80 && !/^https?:|^www\./i.test(name));
}

/**
 * Reads what the page's head says about the article. Call before Readability, which
 * rewrites the document.
 */
export function readHtmlMetadata(document: Document): DetectedFrontMatter {
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const result: DetectedFrontMatter = {
    title: meta(document, 'og:title', 'twitter:title') ?? (document.title.trim() || undefined),
    publisher: meta(document, 'og:site_name', 'application-name'),
    authors: splitByline(meta(document, 'author', 'article:author', 'byl')),
    date: isoDay(meta(document, 'article:published_time', 'datePublished', 'date', 'dc.date')),
    url: httpUrl(meta(document, 'og:url')) ?? httpUrl(canonical),
    language: document.documentElement.getAttribute('lang')?.trim() || undefined,
  };
  return result;
}
