/** What a build sends ahead to be cited is what its pages cite, in a first build. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  citedItems,
  expectedItems,
  extractKnowledge,
  type Resolved,
} from '../../scripts/build/prepare.ts';
import { itemKey } from '../../scripts/citation/prepare.ts';
import { loadConfig } from '../../scripts/core/config.ts';
import { recordVersions, versionDate } from '../../scripts/versions/record.ts';
import { contentFixture } from '../bench/fixture.ts';

describe('citations sent ahead', () => {
  it('are every article’s and entity’s entry as the first build cites it', () => {
    const root = contentFixture(12);
    const config = loadConfig({ KB_CONTENT: join(root, 'content'), SOURCE_DATE_EPOCH: '0' });
    let resolved: Resolved | undefined;
    const { site } = extractKnowledge(config, true, {
      cacheDir: false,
      workers: 1,
      onResolved: (r) => (resolved = r),
    });
    recordVersions(site, new Map(), versionDate(config.sourceDateEpoch));
    const cited = new Set(citedItems(site).map(itemKey));
    const expected = expectedItems(resolved!, config);
    expect(expected.length).toBe(site.articles.length + resolved!.entities.length);
    expect(site.entities.length).toBeGreaterThan(5);
    expect(expected.filter((item) => !cited.has(itemKey(item)))).toEqual([]);
  });

  it('are dated as an unchanged page keeps its date in a rebuild on a later day', () => {
    const root = contentFixture(12);
    const build = (epoch: string) => {
      const config = loadConfig({ KB_CONTENT: join(root, 'content'), SOURCE_DATE_EPOCH: epoch });
      let resolved: Resolved | undefined;
      const { site } = extractKnowledge(config, true, {
        cacheDir: false,
        workers: 1,
        onResolved: (r) => (resolved = r),
      });
      return { config, site, resolved: resolved! };
    };
    const first = build('0');
    const { history } = recordVersions(first.site, new Map(), '1970-01-01');
    // A day later, the same articles: every page keeps the version it had, and its date.
    const again = build('86400');
    recordVersions(again.site, history, '1970-01-02');
    const cited = new Set(citedItems(again.site).map(itemKey));
    const expected = expectedItems(again.resolved, again.config, history);
    expect(expected.filter((item) => !cited.has(itemKey(item)))).toEqual([]);
    // Without the history, every entity's entry would be dated today, and wrong.
    const undated = expectedItems(again.resolved, again.config);
    expect(undated.filter((item) => !cited.has(itemKey(item))).length).toBe(
      again.resolved.entities.length,
    );
  });
});
