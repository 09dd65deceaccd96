/** Entry templates: every entry exactly as citeproc gives it, and most without citeproc. */
import { describe, expect, it } from 'vitest';
import { articleItem, entityItem, type CslItem } from '../../scripts/citation/csl-json.ts';
import { STYLES, formatStyle, titleCase, type StyleSpec } from '../../scripts/citation/engine.ts';
import { createTemplates } from '../../scripts/citation/template.ts';

const site = {
  title: 'Dossier',
  publisher: 'Dossier',
  url: 'https://kb.example.org',
  generated: '2023-11-14T22:13:20.000Z',
};

/** Titles as the corpora have them: sentence case, title case, capitals, odd punctuation. */
const TITLES = [
  'Matthew Prince',
  'Kiwi Farms',
  'Anti-Defamation League',
  'Über Straße',
  'the 2019 Christchurch mosque shootings',
  'Bank of England',
  'NATO',
  'iPhone Users',
  'O’Brien',
  "O'brien",
  '#DropKiwiFarms',
  'U.S. Capitol',
  'Smith & Sons',
  'A Tale of Two Cities',
  'Zqxprobetitle',
  'zqxprobe of zqxmid ZQXTITLE',
  'Ask Jeeves?',
  'Kerrang!',
  'BAHIA COCOA REVIEW',
  'Bank Of England',
  'The End Of',
  'x-ray vision',
  'Ad sales boost Time Warner profit',
  'Sudan: talks in Doha resume',
  'Sudan: Talks in Doha resume',
  '2019 Christchurch Mosque Shootings',
  'NATO Summit',
  'Washington Post',
  'x-ray Vision',
  'War and Peace',
  'Oil, gas and coal',
  'GRAIN/OILSEED REGISTRATIONS',
  'Talks on/off again',
  'Chicago Fed; new chief',
  'a Tale',
  'Tale of a',
  'War and peace in the age of',
  'STANDARD OIL <SRD> TO FORM FINANCIAL UNIT',
  '<TRIZEC CORP LTD> 1ST QTR JAN 31 NET',
  'FIRST INTERSTATE <I> SELLS CAPITAL NOTES',
  'An <i>italic</i> word',
  "USX <X> DEBT DOWGRADED BY MOODY'S",
  "Moody's cuts rating",
  "Deutsche's bid for the LSE",
  "Wine comedy wins critics' award",
  "PHILIPPINES' ONGPIN OPTIMISTIC",
  "Call centre users 'lose patience'",
  "'Standoff' on Deutsche's LSE bid",
  'BRITAIN TO MINT NEW "BRITANNIA" GOLD COIN',
  'BONUS WHEAT FLOUR FOR NORTH YEMEN  -- USDA',
  'U.S. PRICES UP 0.5 PCT (REVISED)',
  'AccuRay Corp.',
  'CHINA CALLS FOR BETTER TRADE DEAL WITH U.S.',
  'Ends with a period.',
  '(Parenthetical)',
  'Costs $5, not 10%',
  'Mild winter drives US oil down 6%',
  'Area² of a field',
  'UK homes hit £3.3 trillion total',
  'Could Yukos be a blessing in disguise?',
  'Tories attack burglar U-turns',
  'Shatt al-Arab',
  'Ali al-Khalifa al-Sabah',
  'Sell-off: a quick-fire guide to the up-and-coming',
];

/** Items of several shapes: entities with and without a URL, articles with authors and dates. */
const SHAPES: Array<(title: string, i: number) => CslItem> = [
  (title, i) => entityItem({ id: `person/p${i}`, name: title, path: `/people/p${i}/` }, site),
  (title, i) =>
    entityItem(
      { id: `org/o${i}`, name: title, path: `/o/${i}/` },
      { ...site, url: undefined, generated: '2024-02-29' },
    ),
  (title, i) =>
    articleItem(
      {
        id: `reuters-${i}`,
        title,
        publisher: 'Reuters',
        authors: [],
        date: '1987-03-05',
        path: `/articles/reuters-${i}/`,
      },
      site,
    ),
  (title, i) =>
    articleItem(
      {
        id: `wapo-${i}`,
        title,
        publisher: 'The Washington Post',
        authors: ['Drew Harwell', 'Taylor Lorenz', 'Staff'],
        date: '2022-09',
        url: `https://www.washingtonpost.com/technology/2022/09/03/x${i}/`,
        path: `/articles/wapo-${i}/`,
      },
      site,
    ),
  (title, i) =>
    articleItem(
      {
        id: `bbc-${i}`,
        title,
        publisher: 'BBC News',
        authors: ['Nick Robinson'],
        path: `/a/${i}/`,
      },
      { ...site, url: undefined },
    ),
  (title, i) =>
    articleItem(
      {
        id: `faz-${i}`,
        title,
        publisher: 'FAZ',
        authors: [],
        date: '2020',
        path: `/a/faz-${i}/`,
        language: 'de',
      },
      site,
    ),
];

describe('entry templates', () => {
  const calls: string[] = [];
  const { formatEntry, stats } = createTemplates((item, style) => {
    calls.push(item.title);
    return formatStyle(item, style);
  }, titleCase);

  // Three rounds per shape: the first sees the shape, the later ones use its template
  // past the checked uses.
  for (const [s, shape] of SHAPES.entries())
    it(`give exactly what citeproc gives, for every title and style (shape ${s})`, () => {
      for (const round of [0, 1, 2])
        for (const [i, title] of TITLES.entries()) {
          const item = shape(title, s * 1000 + round * 100 + i);
          for (const style of STYLES)
            expect(formatEntry(item, style), `${style.key} ${item.type}: ${title}`).toBe(
              formatStyle(item, style),
            );
        }
    });

  it('need citeproc for few entries, sentence-case titles in MLA and Chicago among them', () => {
    expect(stats.filled).toBeGreaterThan(stats.formatted * 2);
  });

  it('fill in a known shape without calling citeproc', () => {
    const mla = STYLES.find((s: StyleSpec) => s.key === 'mla')!;
    calls.length = 0;
    const entry = formatEntry(SHAPES[2]!('Ad sales boost Time Warner profit', 9999), mla);
    expect(calls).toEqual([]);
    expect(entry).toBe(
      '“Ad Sales Boost Time Warner Profit.” <i>Reuters</i>, 5 Mar. 1987, https://kb.example.org/articles/reuters-9999/.',
    );
    // A title whose quotes citeproc rewrites is formatted in full.
    formatEntry(SHAPES[2]!("Call centre users 'lose patience'", 9998), mla);
    expect(calls).toHaveLength(1);
  });
});
