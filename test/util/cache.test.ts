import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../scripts/util/cache.ts';
import { pipelineVersion } from '../../scripts/parallel/version.ts';
import { tempTree } from '../helpers.ts';

const HASH = 'ab'.repeat(32);

describe('openCache', () => {
  it('returns what was stored, by content hash', () => {
    const cache = openCache<{ n: number }>(tempTree({}), 'v1');
    expect(cache.get(HASH)).toBeUndefined();
    cache.set(HASH, { n: 1 });
    expect(cache.get(HASH)).toEqual({ n: 1 });
  });

  it('never serves another version, and removes older versions', () => {
    const dir = tempTree({});
    openCache(dir, 'v1').set(HASH, 1);
    expect(openCache(dir, 'v2').get(HASH)).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['extract-v2']);
  });

  it('treats a damaged or deleted entry as a miss', () => {
    const dir = tempTree({});
    const cache = openCache(dir, 'v1');
    cache.set(HASH, 1);
    writeFileSync(join(dir, 'extract-v1', `${HASH}.v8`), 'not v8');
    expect(cache.get(HASH)).toBeUndefined();
    const fresh = openCache(join(dir, 'deleted-later'), 'v1');
    fresh.set(HASH, 2);
    expect(fresh.get(HASH)).toBe(2);
  });

  it('prunes entries of articles that are gone', () => {
    const dir = tempTree({});
    const cache = openCache(dir, 'v1');
    const other = 'cd'.repeat(32);
    cache.set(HASH, 1);
    cache.set(other, 2);
    cache.prune(new Set([HASH]));
    expect(cache.get(HASH)).toBe(1);
    expect(existsSync(join(dir, 'extract-v1', `${other}.v8`))).toBe(false);
  });

  it('holds nothing without a folder', () => {
    const cache = openCache(undefined, 'v1');
    cache.set(HASH, 1);
    expect(cache.get(HASH)).toBeUndefined();
  });
});

describe('pipelineVersion', () => {
  const scripts = () =>
    tempTree({
      'tagger/models/ner.bin.gz': 'model 1',
      'data/cues.txt': 'cues 1',
      'parallel/extract-article.ts': "import { x } from '../pipeline/x.ts';\n",
      'pipeline/x.ts': 'export const x = 1;\n',
      'pipeline/resolve.ts': 'not imported by extraction\n',
    });

  it('changes with the model, the word lists, imported code and the context', () => {
    const root = scripts();
    const base = pipelineVersion({ curated: [] }, root);
    expect(pipelineVersion({ curated: [] }, root)).toBe(base);
    expect(pipelineVersion({ curated: [{ name: 'Ada' }] }, root)).not.toBe(base);
    for (const [file, text] of [
      ['tagger/models/ner.bin.gz', 'model 2'],
      ['data/cues.txt', 'cues 2'],
      ['pipeline/x.ts', 'export const x = 2;\n'],
    ] as const) {
      const changed = scripts();
      writeFileSync(join(changed, file), text);
      expect(pipelineVersion({ curated: [] }, changed), file).not.toBe(base);
    }
    const added = scripts();
    mkdirSync(join(added, 'tagger', 'models'), { recursive: true });
    writeFileSync(join(added, 'tagger', 'models', 'clusters.tsv.gz'), 'new');
    expect(pipelineVersion({ curated: [] }, added)).not.toBe(base);
  });

  it('ignores code that extraction does not import', () => {
    const root = scripts();
    const base = pipelineVersion({ curated: [] }, root);
    writeFileSync(join(root, 'pipeline/resolve.ts'), 'changed\n');
    expect(pipelineVersion({ curated: [] }, root)).toBe(base);
  });
});
