import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../scripts/build/prepare.ts';
import { loadConfig } from '../../scripts/core/config.ts';
import { contentFixture } from './fixture.ts';

describe('parallel extraction', () => {
  it('emits byte-identical site data with workers as on one thread', () => {
    // The parallel run renders article bodies in a worker of their own, the serial one inline.
    const root = contentFixture(24);
    const config = loadConfig({ KB_CONTENT: join(root, 'content'), SOURCE_DATE_EPOCH: '0' });
    const serial = extractKnowledge(config, true, {
      cacheDir: false,
      workers: 1,
      renderAhead: false,
    });
    const parallel = extractKnowledge(config, true, {
      cacheDir: false,
      workers: 2,
      renderAhead: true,
    });
    expect(serial.stats.workers).toBe(1);
    expect(parallel.stats.workers).toBe(2);
    expect(parallel.stats.tokens).toBe(serial.stats.tokens);
    expect(serial.site.kb.entities.length).toBeGreaterThan(10);
    expect(serial.site.articles.some((a) => a.html.includes('class="mention"'))).toBe(true);
    expect(JSON.stringify(parallel.site)).toBe(JSON.stringify(serial.site));
  });
});
