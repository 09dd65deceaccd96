/**
 * A citation worker (`parallel/pool.ts`, started by `prepare.ts`): formats each batch
 * of CSL items it is sent and caches the costly results (`init` says where, or null).
 */
import { serveBatches } from '../parallel/worker.ts';
import type { CacheLocation } from '../util/cache.ts';
import type { CiteWork } from './prepare.ts';
import type { FormattedItem } from '../core/views.ts';

await serveBatches<CiteWork, FormattedItem, CacheLocation | null>(async (cache) => {
  const { formatItemForCache } = await import('./format-item.ts');
  const { writeEntry } = await import('../util/cache.ts');
  (await import('./engine.ts')).warmUp();
  return ({ item, key }) => {
    const { result, keep } = formatItemForCache(item);
    if (cache && keep) writeEntry(cache, key, result);
    return result;
  };
});
