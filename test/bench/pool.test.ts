/** The worker pool: work sent ahead is done while the caller goes on, and comes back in order. */
import { describe, expect, it } from 'vitest';
import { startPool } from '../../scripts/parallel/pool.ts';

const WORKER = new URL('../../scripts/citation/cite-worker.ts', import.meta.url);

describe('a worker pool', () => {
  it('returns what was sent ahead in the order it was sent, to one worker or all, then runs', () => {
    const pool = startPool({ script: WORKER, workers: 2, init: null });
    try {
      const item = (i: number) => ({
        item: { id: `e${i}`, type: 'webpage', 'citation-key': `k${i}`, title: `Page ${i}` },
        key: `k${i}`,
      });
      const first = Array.from({ length: 7 }, (_, i) => item(i));
      const second = Array.from({ length: 5 }, (_, i) => item(7 + i));
      pool.post(first, { batch: 2, workers: 1 });
      pool.post(second, { batch: 3 });
      const titles = pool
        .collect<{ styles: string[] }>()
        .map((result) => /Page \d+/.exec(result.styles[0]!)?.[0]);
      expect(titles).toEqual(Array.from({ length: 12 }, (_, i) => `Page ${i}`));
      expect(pool.collect()).toEqual([]);
      const ran: string[] = [];
      pool.runSync([item(20), item(21), item(22)], (index, result: { styles: string[] }) => {
        ran[index] = /Page \d+/.exec(result.styles[0]!)![0];
      });
      expect(ran).toEqual(['Page 20', 'Page 21', 'Page 22']);
      expect(() => pool.post([item(30)])).toThrow(/has run/);
    } finally {
      pool.close();
    }
  });

  it('starts the workers it was not asked to start now when work first reaches them', () => {
    const pool = startPool({ script: WORKER, workers: 3, init: null, start: 1 });
    try {
      expect(pool.started).toBe(1);
      const item = (i: number) => ({
        item: { id: `e${i}`, type: 'webpage', 'citation-key': `k${i}`, title: `Page ${i}` },
        key: `k${i}`,
      });
      pool.post([item(0), item(1)], { batch: 1, workers: 1 });
      expect(pool.started).toBe(1);
      expect(pool.collect()).toHaveLength(2);
      const ran: number[] = [];
      pool.runSync([item(2), item(3), item(4), item(5)], (index) => ran.push(index), {
        batch: 1,
        workers: 2,
      });
      expect(pool.started).toBe(2);
      expect(ran.sort()).toEqual([0, 1, 2, 3]);
    } finally {
      pool.close();
    }
  });

  it('throws a worker’s failure, naming the worker', () => {
    const pool = startPool({
      script: new URL('../../scripts/assemble/render-article-worker.ts', import.meta.url),
      workers: 1,
      init: undefined,
    });
    try {
      pool.post([{ tree: null, spans: new Map() }]);
      expect(() => pool.collect()).toThrow(/worker render-article-worker\.ts failed: .+/);
    } finally {
      pool.close();
    }
  });
});
