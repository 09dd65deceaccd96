/** Cite boxes formatted before rendering: on worker threads, cached, same as in-process. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleItem, entityItem } from '../../scripts/citation/csl-json.ts';
import { formatItem } from '../../scripts/citation/format-item.ts';
import {
  citeAhead,
  itemKey,
  prepareCitations,
  startCitationPool,
} from '../../scripts/citation/prepare.ts';

const site = { title: 'Dossier', publisher: 'Dossier', generated: '2023-11-14T22:13:20.000Z' };
const items = [
  ...['Matthew Prince', 'Kiwi Farms', 'U.S. Capitol', 'Bank of England', '#DropKiwiFarms'].map(
    (name, i) => entityItem({ id: `person/p${i}`, name, path: `/people/p${i}/` }, site),
  ),
  articleItem(
    {
      id: 'wapo',
      title: 'Cloudflare drops Kiwi Farms: “a threat to life”',
      publisher: 'The Washington Post',
      authors: ['Drew Harwell'],
      date: '2022-09-03',
      path: '/articles/wapo/',
    },
    site,
  ),
];
const work = mkdtempSync(join(tmpdir(), 'dossier-cite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('prepared citations', () => {
  const expected = items.map(formatItem);

  it('come out of worker threads as they do in-process, in item order', () => {
    expect(prepareCitations(items, { workers: 2, quiet: true })).toEqual(expected);
  });

  it('come out of workers started ahead of them (their engines built) as they do in-process', () => {
    const pool = startCitationPool({ workers: 2 });
    expect(prepareCitations(items, { workers: 2, quiet: true, pool })).toEqual(expected);
    expect(() => pool.runSync([], () => {})).toThrow(/runs once/);
  });

  it('are taken from what workers were sent ahead when the item came true, and made otherwise', () => {
    const pool = startCitationPool({ workers: 2 });
    // Guessed ahead: two items as they are cited, and one that is cited otherwise.
    const sent = citeAhead(pool, [items[1]!, items[3]!, { ...items[2]!, title: 'Not this' }]);
    expect(() => pool.runSync([], () => {})).toThrow(/collect/);
    expect(prepareCitations(items, { workers: 2, quiet: true, ...sent })).toEqual(expected);
  });

  it('match what was made ahead to the page by the item it was made for', () => {
    const pool = startCitationPool({ workers: 2 });
    const sent = citeAhead(pool, [items[1]!]);
    // Filed under the first item's key, the second item's formatting is what the first gets.
    sent.ahead[0] = { ...sent.ahead[0]!, key: itemKey(items[0]!) };
    const cited = prepareCitations(items, { workers: 2, quiet: true, ...sent });
    expect(cited[0]).toEqual(expected[1]);
    expect(cited.slice(1)).toEqual(expected.slice(1));
  });

  it('are cached by the item they cite when citeproc formatted them, and served from the cache', () => {
    const cacheDir = join(work, 'cache');
    expect(prepareCitations(items, { cacheDir, workers: 1, quiet: true })).toEqual(expected);
    const [folder] = readdirSync(cacheDir);
    const entries = () => readdirSync(join(cacheDir, folder!));
    // At least the two no template fits: '#DropKiwiFarms' and the article's quoted title.
    const cached = entries().length;
    expect(cached).toBeGreaterThanOrEqual(2);
    expect(cached).toBeLessThanOrEqual(items.length);
    expect(prepareCitations(items, { cacheDir, workers: 1, quiet: true })).toEqual(expected);
    // An item that changes (a renamed entity) is formatted anew; the old entry goes.
    const renamed = [
      ...items.slice(0, -1),
      { ...items.at(-1)!, title: 'Cloudflare: gone (again)' },
    ];
    const again = prepareCitations(renamed, { cacheDir, workers: 1, quiet: true });
    expect(again.at(-1)!.styles[0]).toContain('Cloudflare: gone (again)');
    expect(entries()).toHaveLength(cached);
  });
});
