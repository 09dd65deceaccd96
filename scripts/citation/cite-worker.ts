/**
 * A citation worker (`parallel/pool.ts`, started by `prepare.ts`): formats each batch
 * of CSL items it is sent, caches the costly results, and answers on its port, bumping the shared counter the
 * waiting thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerReply } from '../parallel/pool.ts';
import type { CacheLocation } from '../cache.ts';
import type { CiteWork } from './prepare.ts';
import type { FormattedItem } from './format-item.ts';

const { port, signal, init } = workerData as {
  port: MessagePort;
  signal: Int32Array;
  /** Where results are cached (the worker writes them), or null. */
  init: CacheLocation | null;
};

function reply(message: WorkerReply<FormattedItem>): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  // Imported here, not statically, so that a failure to load is reported, not a hang.
  const { formatItemForCache } = await import('./format-item.ts');
  const { writeEntry } = await import('../cache.ts');
  const format = ({ item, key }: CiteWork) => {
    const { result, keep } = formatItemForCache(item);
    if (init && keep) writeEntry(init, key, result);
    return result;
  };
  port.on('message', (batch: CiteWork[]) => {
    try {
      reply({ results: batch.map(format) });
    } catch (error) {
      reply({ error: (error as Error).stack ?? String(error) });
    }
  });
} catch (error) {
  reply({ error: (error as Error).stack ?? String(error) });
}
