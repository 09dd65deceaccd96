/** The search feed: pages of several render processes, put back in one order. */
import { describe, expect, it } from 'vitest';
import { orderedFeed, type FedPage } from '../../scripts/astro/pagefind.ts';

const lists = [
  { name: 'articles', count: 8 },
  { name: 'entities', count: 2 },
];
const page = (list: string, index: number, first = false): FedPage => ({
  position: { list, index, count: lists.find((l) => l.name === list)!.count },
  page: { pathname: `/${list}/${index}/`, content: `<p>${list} ${index}</p>` },
  ...(first && { lists }),
});

describe('the ordered search feed', () => {
  it('lets a process render ahead of the other up to a bound, and consumes in list order', async () => {
    const consumed: string[] = [];
    const feed = orderedFeed(2, async ({ pathname }) => void consumed.push(pathname), 3);
    const settled: number[] = [];
    const add = (shard: number, fed: FedPage) =>
      feed.add(shard, fed).then(() => settled.push(fed.position.index));
    // Process 1 renders its pages (0, 2, 4, 6) before process 2 has sent any.
    await add(0, page('articles', 0, true));
    await add(0, page('articles', 2));
    await add(0, page('articles', 4));
    const held = add(0, page('articles', 6));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Three of its pages wait for process 2's page 1: the fourth is held back.
    expect(consumed).toEqual(['/articles/0/']);
    expect(settled).toEqual([0, 2, 4]);
    await add(1, page('articles', 1, true));
    await held;
    expect(settled).toEqual([0, 2, 4, 1, 6]);
    for (const index of [3, 5, 7]) await add(1, page('articles', index));
    await add(0, page('entities', 0));
    await add(1, page('entities', 1));
    feed.end(0);
    feed.end(1);
    await feed.drained;
    expect(consumed).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `/articles/${i}/`),
      '/entities/0/',
      '/entities/1/',
    ]);
  });
});
