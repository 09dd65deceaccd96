/** Saved web pages: the article text by Readability, facts from meta tags. */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { convertHtmlToMarkdown } from './html-to-markdown.ts';
import { isoDay, readHtmlMetadata, splitByline } from './html-metadata.ts';
import { ImportError, type ConvertedArticle, type DetectedFrontMatter } from './types.ts';

/** More than this, once the bulk is gone, is not one article's page: 10 million characters. */
const MAX_PAGE_CHARACTERS = 10_000_000;

/**
 * A saved page without what is never article text and can be most of its bytes: inline
 * images and fonts (`data:` URLs, megabytes each), scripts (JSON-LD metadata kept) and
 * styles. Done on the text before parsing, in linear time, so a 12 MB page with an
 * inline image parses as the few kilobytes of its article.
 */
function withoutBulk(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(
      /\s(?:src|srcset|href|poster|style)\s*=\s*(["'])\s*(?:data:|[^"']*url\(\s*["']?data:)[^"']*\1/gi,
      '',
    );
}

/** Drops a " – Site" / " | Site" tail that repeats the publisher's name. */
function stripSiteName(title: string, publisher: string | undefined): string {
  if (!publisher) return title;
  const tail = new RegExp(`\\s+[-–—|:·]\\s+${RegExp.escape(publisher)}\\s*$`, 'i');
  return title.replace(tail, '').trim() || title;
}

/** Keeps the first value that is set; empty strings and lists count as unset. */
function firstOf<T>(...values: Array<T | null | undefined>): T | undefined {
  return (
    values.find(
      (value) => value != null && value !== '' && !(Array.isArray(value) && !value.length),
    ) ?? undefined
  );
}

/**
 * Converts a saved HTML page. Readability picks the article and drops navigation,
 * footers and asides; meta tags (`og:site_name`, `article:published_time`, `og:url`,
 * canonical link) fill in what it does not report.
 */
export function importHtml(source: string): ConvertedArticle {
  const page = withoutBulk(source);
  if (page.length > MAX_PAGE_CHARACTERS)
    throw new ImportError(
      `is ${(page.length / 1e6).toFixed(1)} million characters even without its scripts, styles and inline images, too large for an article page (save the article alone, or paste its text into a .txt)`,
    );
  // A silent console: saved pages are full of CSS jsdom cannot parse, which is not our problem.
  const dom = new JSDOM(page, { virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  const head = readHtmlMetadata(document);
  if (head.url && !document.querySelector('base[href]')) {
    // Relative links in the article resolve against the page's own address.
    const base = document.createElement('base');
    base.setAttribute('href', head.url);
    document.head.prepend(base);
  }
  const article = new Readability<Element>(document, {
    serializer: (node) => node as Element,
  }).parse();
  if (!article?.content) {
    throw new ImportError(
      'has no article text Readability can find (save the article page itself, or paste its text into a .txt)',
    );
  }
  const publisher = firstOf(head.publisher, article.siteName?.trim());
  const rawTitle = firstOf(article.title?.trim(), head.title) ?? '';
  const title = stripSiteName(rawTitle, publisher);
  const frontMatter: DetectedFrontMatter = {
    title: title || undefined,
    publisher,
    authors: firstOf(splitByline(article.byline), head.authors),
    date: firstOf(head.date, isoDay(article.publishedTime)),
    url: head.url,
    language: firstOf(head.language, article.lang?.trim()),
  };
  const body = convertHtmlToMarkdown(article.content, title);
  if (!body) throw new ImportError('has no article text (nothing to import)');
  return { frontMatter, body };
}
