/** What a build sends ahead to be cited is what its pages cite, in a first build. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  citedItems,
  expectedItems,
  extractKnowledge,
  type Resolved,
} from '../../scripts/prepare.ts';
import { itemKey } from '../../scripts/citation/prepare.ts';
import { loadConfig } from '../../scripts/config.ts';
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
});
