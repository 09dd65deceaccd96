/**
 * The worker side of `pool.ts`: set up once, then answer each batch on the worker's
 * port and bump the shared counter the waiting thread sleeps on. A failure to set up
 * or to handle a batch is sent back as an error, never left as a hang.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerReply } from './pool.ts';

/**
 * Serves batches with the handler `setUp` returns (given the pool's `init`). Modules
 * the handler needs are best imported inside `setUp`, so that a failure to load them is
 * reported too.
 */
export async function serveBatches<I, O, Init = unknown>(
  setUp: (init: Init) => Promise<(item: I) => O>,
): Promise<void> {
  const { port, signal, init } = workerData as {
    port: MessagePort;
    signal: Int32Array;
    init: Init;
  };
  const reply = (message: WorkerReply<O>) => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  try {
    const handle = await setUp(init);
    port.on('message', (batch: I[]) => {
      try {
        reply({ results: batch.map(handle) });
      } catch (error) {
        reply({ error: (error as Error).stack ?? String(error) });
      }
    });
  } catch (error) {
    reply({ error: (error as Error).stack ?? String(error) });
  }
}
