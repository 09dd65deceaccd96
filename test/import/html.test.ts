import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/import/decode.ts';
import { importHtml } from '../../scripts/import/html.ts';
import { isoDay, splitByline } from '../../scripts/import/html-metadata.ts';
import { countParagraphs } from '../../scripts/import/count.ts';
import { ImportError } from '../../scripts/import/types.ts';
import { fixture } from './helpers.ts';

const page = () => importHtml(decodeSource(fixture('library-hours.html')));

describe('importHtml', () => {
  it('reads title, byline, site name, date, url and language', () => {
    expect(page().frontMatter).toEqual({
      title: 'Library extends weekend hours after petition',
      publisher: 'The Example Herald',
      authors: ['Jane Roe', 'John Public'],
      date: '2024-04-02',
      url: 'https://herald.example.com/news/2024/04/02/library-hours/',
      language: 'en-US',
    });
  });

  it('keeps the article and drops navigation, sidebar, comments, cookie banner and footer', () => {
    const { body } = page();
    expect(body).toContain('The central library will stay open until 8 p.m. on Saturdays');
    expect(body).toContain('hire four part-time employees');
    for (const boilerplate of [
      'Subscribe for $1 a week',
      'Most read',
      'Snowstorm closes schools',
      'Log in to comment',
      'Privacy Policy',
      'All rights reserved',
      'We use cookies',
      'window.analytics',
    ]) {
      expect(body).not.toContain(boilerplate);
    }
  });

  it('converts paragraphs, quotes, headings, lists and http links to markdown', () => {
    const { body } = page();
    const blocks = body.split('\n\n');
    expect(blocks).toContain(
      '> We heard the community loud and clear, and we found the money to make it work.',
    );
    expect(blocks).toContain('## What changes in May');
    expect(body).toContain(
      '- Saturday hours: 9 a.m. to 8 p.m.\n- Sunday hours: noon to 8 p.m.\n- The children',
    );
    expect(body).toContain('Board chair [Maria Lopez](https://example.org/board/maria-lopez) said');
    // A relative link resolves against og:url; a javascript: link keeps only its text.
    expect(body).toContain(
      '[state grant](https://herald.example.com/news/2024/01/10/library-grant/)',
    );
    expect(body).toContain('will cover by delaying the replacement');
    expect(body).not.toContain('javascript:');
    // The headline is in the front matter, not repeated as the first block.
    expect(blocks[0]).toMatch(/^The central library will stay open/);
    expect(countParagraphs(body)).toBe(9);
  });

  it('refuses a page without article text', () => {
    expect(() => importHtml('<html><body><nav><a href="/">Home</a></nav></body></html>')).toThrow(
      ImportError,
    );
  });
});

describe('metadata helpers', () => {
  it('splits bylines into names', () => {
    expect(splitByline('By Drew Harwell, Taylor Lorenz and Ann Lee')).toEqual([
      'Drew Harwell',
      'Taylor Lorenz',
      'Ann Lee',
    ]);
    expect(splitByline('https://www.facebook.com/someone')).toEqual([]);
  });

  it('keeps the calendar date a timestamp was written with', () => {
    expect(isoDay('2022-09-03T22:30:00-04:00')).toBe('2022-09-03');
    expect(isoDay('Sat, 03 Sep 2022 12:00:00 GMT')).toBe('2022-09-03');
    expect(isoDay('yesterday')).toBeUndefined();
  });
});

describe('importHtml titles', () => {
  it('drops a " - Site" tail that repeats the site name', () => {
    const paragraph = '<p>' + 'The ferry ran again on Monday after the storm. '.repeat(20) + '</p>';
    const html = `<html><head><title>Ferry returns - Coastal Daily</title>
      <meta property="og:site_name" content="Coastal Daily"></head>
      <body><article>${paragraph}${paragraph}</article></body></html>`;
    const { frontMatter } = importHtml(html);
    expect(frontMatter.title).toBe('Ferry returns');
    expect(frontMatter.publisher).toBe('Coastal Daily');
  });
});
