import { appendFileSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../scripts/build/prepare.ts';
import { loadConfig } from '../../scripts/core/config.ts';
import { contentFixture } from '../bench/fixture.ts';

describe('incremental extraction', () => {
  const root = contentFixture(12);
  const config = loadConfig({ KB_CONTENT: join(root, 'content'), SOURCE_DATE_EPOCH: '0' });
  const cacheDir = join(root, 'cache');
  const build = () => extractKnowledge(config, true, { cacheDir, workers: 1 });

  it('redoes only the edited article, with the same result as a cold build', () => {
    const cold = build();
    expect(cold.stats).toMatchObject({ extracted: 12, cached: 0 });
    const warm = build();
    expect(warm.stats).toMatchObject({ extracted: 0, cached: 12 });
    expect(JSON.stringify(warm.site)).toBe(JSON.stringify(cold.site));

    const articles = join(root, 'content', 'articles');
    const first = readdirSync(articles).sort()[0]!;
    appendFileSync(join(articles, first), '\nAda Quill of Acme Corporation said so.\n');
    const edited = build();
    expect(edited.stats).toMatchObject({ extracted: 1, cached: 11 });
    const fresh = extractKnowledge(config, true, { cacheDir: false, workers: 1 });
    expect(JSON.stringify(edited.site)).toBe(JSON.stringify(fresh.site));
  });

  it('rebuilds everything, identically, after the cache is deleted', () => {
    const before = build();
    rmSync(cacheDir, { recursive: true, force: true });
    const after = build();
    expect(after.stats).toMatchObject({ extracted: 12, cached: 0 });
    expect(JSON.stringify(after.site)).toBe(JSON.stringify(before.site));
  });

  it('gives an identical copy of an article its own mentions from the cache', () => {
    const articles = join(root, 'content', 'articles');
    const first = readdirSync(articles).sort()[0]!;
    copyFileSync(join(articles, first), join(articles, `zz-copy-of-${first}`));
    const cold = build();
    const warm = build();
    expect(warm.stats.extracted).toBe(0);
    expect(JSON.stringify(warm.site)).toBe(JSON.stringify(cold.site));
    // The copy's names link from the copy (one cache entry serves both files).
    const copy = warm.site.articles.find((a) => a.id.includes('zz-copy-of-'))!;
    const original = warm.site.articles.find((a) => a.id !== copy.id && a.html === copy.html);
    expect(original).toBeDefined();
    expect(copy.entities.length).toBeGreaterThan(0);
    expect(copy.entities).toEqual(original!.entities);
  });
});
