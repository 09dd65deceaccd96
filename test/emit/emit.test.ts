/**
 * `pages.jsonl` holds each page's view as the pages read it: an entity view written from
 * its version's snapshot (base `/`) parses to the same view as one made into JSON anew.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../scripts/build/prepare.ts';
import { loadConfig } from '../../scripts/core/config.ts';
import { emitSiteData } from '../../scripts/emit/index.ts';
import { recordVersions } from '../../scripts/versions/record.ts';
import { contentFixture } from '../bench/fixture.ts';
import { tempTree } from '../helpers.ts';

const pages = (base: string) => {
  const root = contentFixture(12);
  const config = loadConfig({
    KB_CONTENT: join(root, 'content'),
    KB_BASE: base,
    SOURCE_DATE_EPOCH: '0',
  });
  const { site } = extractKnowledge(config, true, { cacheDir: false, workers: 1 });
  const versions = recordVersions(site, new Map(), '1970-01-01');
  site.snapshots = versions.snapshots;
  // What the build adds after versions: the cite box (left out of snapshots).
  for (const view of site.entities) view.citation = { styles: ['A “cited” page'] } as never;
  const dir = tempTree({});
  emitSiteData(dir, site);
  const lines = readFileSync(join(dir, 'pages.jsonl'), 'utf8').trimEnd().split('\n');
  return {
    site,
    entities: lines.slice(site.articles.length, lines.length).map((l) => JSON.parse(l)),
  };
};

describe('pages.jsonl', () => {
  for (const base of ['/', '/kb/'])
    it(`holds each entity view as it is, under base ${base}`, () => {
      const { site, entities } = pages(base);
      expect(site.entities.length).toBeGreaterThan(5);
      expect(site.entities.some((e) => e.disambiguation || e.version)).toBe(true);
      expect(entities).toEqual(site.entities.map((view) => JSON.parse(JSON.stringify(view))));
    });
});
