/**
 * A citation worker (`parallel/pool.ts`, started by `prepare.ts`): formats each batch
 * of CSL items it is sent and answers on its port, bumping the shared counter the
 * waiting thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerReply } from '../parallel/pool.ts';
import type { CslItem } from './csl-json.ts';
import type { FormattedItem } from './format-item.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function reply(message: WorkerReply<FormattedItem>): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  // Imported here, not statically, so that a failure to load is reported, not a hang.
  const { formatItem } = await import('./format-item.ts');
  port.on('message', (batch: CslItem[]) => {
    try {
      reply({ results: batch.map(formatItem) });
    } catch (error) {
      reply({ error: (error as Error).stack ?? String(error) });
    }
  });
} catch (error) {
  reply({ error: (error as Error).stack ?? String(error) });
}
