import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../scripts/segment/index.ts';
import { renderArticle, isSafeUrl } from '../../scripts/assemble/render-article.ts';
import { makeArticle } from '../helpers.ts';

describe('renderArticle', () => {
  it('links each mention in place, keeps paragraph ids and inline formatting', () => {
    const doc = segmentArticle(makeArticle('Hello *Ada Quill* and Bob.\n\nSecond **Bob**.'));
    const html = renderArticle(
      doc.tree,
      new Map([
        [
          'p1',
          [
            { start: 6, end: 15, href: '/people/ada-quill/', entity: 'person/ada-quill' },
            { start: 20, end: 23, href: '/people/bob/', entity: 'person/bob' },
          ],
        ],
        ['p2', [{ start: 7, end: 10, href: '/people/bob/', entity: 'person/bob' }]],
      ]),
    );
    expect(html).toBe(
      '<p id="p1">Hello <em><a href="/people/ada-quill/" class="mention" data-entity="person/ada-quill">Ada Quill</a></em> and <a href="/people/bob/" class="mention" data-entity="person/bob">Bob</a>.</p>\n' +
        '<p id="p2">Second <strong><a href="/people/bob/" class="mention" data-entity="person/bob">Bob</a></strong>.</p>',
    );
  });

  it('escapes raw HTML, drops unsafe links and outside images', () => {
    const doc = segmentArticle(
      makeArticle(
        '<script>alert(1)</script>\n\nA [bad](javascript:alert(1)) and ![x](https://tracker.example/p.gif) [ok](https://example.org).',
      ),
    );
    const html = renderArticle(doc.tree, new Map());
    expect(html).not.toContain('<script');
    expect(html).toContain('&#x3C;script>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.org">ok</a>');
  });
});

describe('isSafeUrl', () => {
  it('allows http(s), mailto and relative URLs only', () => {
    expect(['https://a.b', 'mailto:x@y.z', '/rel', '#p2', 'page/'].every(isSafeUrl)).toBe(true);
    expect(
      [
        'javascript:alert(1)',
        ' JavaScript:x',
        'data:text/html,x',
        '//evil.example',
        'vbscript:x',
      ].some(isSafeUrl),
    ).toBe(false);
  });
});
