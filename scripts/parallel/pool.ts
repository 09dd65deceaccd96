/**
 * A worker-thread pool that the calling thread waits on synchronously, so that
 * `extractKnowledge` stays a plain function while the work runs on every core.
 * Workers report on their own `MessageChannel` and bump a shared counter; the caller
 * sleeps on the counter (`Atomics.wait`) and drains the ports with
 * `receiveMessageOnPort`, which needs no event loop turn.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';

/** What a worker sends back for one batch. */
export type WorkerReply<O> = { results: O[] } | { error: string };

export interface PoolOptions {
  /** Module run by each worker (see `extract-worker.ts`). */
  script: URL;
  workers: number;
  /** Passed to each worker once, as `workerData.init`. */
  init: unknown;
  /**
   * How many of the workers start now (default: all); the others start when work is
   * first sent to them. A worker that only sets up costs a core as much as one at work.
   */
  start?: number;
  /** Items per message: big enough to amortize messaging, small enough to balance. */
  batch?: number;
  /** Give up when no worker has answered for this long (a worker died). */
  stallMs?: number;
}

interface Slot {
  worker: Worker;
  /** The worker's module, for errors (`extract-worker.ts`). */
  name: string;
  port: MessagePort;
  /** Start indexes of the batches this worker holds, oldest first. */
  pending: number[];
}

/** Workers started ahead of their work (`startPool`), set up while the caller does other things. */
export interface Pool {
  readonly workers: number;
  /** How many workers have started (set up, or setting up). */
  readonly started: number;
  /**
   * Runs `items` through the workers in batches, calling `onResult(index, result)` on
   * this thread as results arrive (in completion order); blocks until all are done. A
   * pool runs once, and is closed after.
   */
  runSync<I, O>(
    items: readonly I[],
    onResult: (index: number, result: O) => void,
    options?: Pick<PoolOptions, 'batch' | 'stallMs'> & {
      /** How many workers share the items (the first ones; default: all). */
      workers?: number;
    },
  ): void;
  /**
   * Sends `items` now, in batches of `batch`, to the first `workers` workers (all by
   * default) in turn, and returns at once: they work through them while the caller does
   * other things, and `collect` takes the results. Left to one worker, work sent ahead
   * fills a core the caller leaves idle without taking the caller's own.
   */
  post<I>(items: readonly I[], options?: { batch?: number; workers?: number }): void;
  /**
   * Waits until everything `post` sent is done and returns the results in the order
   * the items were sent (empty when nothing was). `runSync` may follow.
   */
  collect<O>(options?: Pick<PoolOptions, 'stallMs'>): O[];
  /** Stops the workers (a pool that was never run, or one that ran). */
  close(): void;
}

/**
 * Starts the workers of a pool now: each imports its modules and sets up (a citation
 * worker builds its citeproc engines, a second and more) on a core the caller may leave
 * idle, so that the work, when it comes, starts at once.
 */
export function startPool(
  options: Pick<PoolOptions, 'script' | 'workers' | 'init' | 'start'>,
): Pool {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const startSlot = (): Slot => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(options.script, {
      workerData: { port: port2, signal, init: options.init },
      transferList: [port2],
    });
    return { worker, name: basename(fileURLToPath(options.script)), port: port1, pending: [] };
  };
  const slots: Slot[] = Array.from(
    { length: Math.min(options.start ?? options.workers, options.workers) },
    startSlot,
  );
  /** The first `count` workers, starting those that have not. */
  const first = (count: number) => {
    const wanted = Math.max(1, Math.min(count, options.workers));
    while (slots.length < wanted) slots.push(startSlot());
    return slots.slice(0, wanted);
  };
  let used = false;
  let posted = 0;
  const close = () => {
    for (const slot of slots) {
      slot.port.close();
      void slot.worker.terminate();
    }
  };
  return {
    workers: options.workers,
    get started() {
      return slots.length;
    },
    post(items, { batch = 8, workers = options.workers } = {}) {
      if (used) throw new Error('a worker pool takes no work once it has run');
      const to = first(workers);
      for (let start = 0, turn = 0; start < items.length; start += batch, turn++) {
        const slot = to[turn % to.length]!;
        slot.pending.push(posted + start);
        slot.port.postMessage(items.slice(start, start + batch));
      }
      posted += items.length;
    },
    collect<O>(run: Pick<PoolOptions, 'stallMs'> = {}) {
      const results: O[] = new Array(posted);
      let done = 0;
      wait<O>(
        slots,
        signal,
        () => done === posted,
        run,
        (index, result) => {
          results[index] = result;
          done++;
        },
      );
      posted = 0;
      return results;
    },
    runSync(items, onResult, run = {}) {
      if (used) throw new Error('a worker pool runs once');
      if (posted) throw new Error('collect the work sent ahead before running the pool');
      used = true;
      try {
        drive(first(run.workers ?? options.workers), signal, items, onResult, run);
      } finally {
        close();
      }
    },
    close,
  };
}

/**
 * Runs `items` through the workers in batches, calling `onResult(index, result)` on this
 * thread as results arrive (in completion order). Blocks until all are done.
 */
function drive<I, O>(
  slots: Slot[],
  signal: Int32Array,
  items: readonly I[],
  onResult: (index: number, result: O) => void,
  options: Pick<PoolOptions, 'batch' | 'stallMs'>,
): void {
  const size = options.batch ?? 8;
  let next = 0;
  let done = 0;
  const send = (slot: Slot) => {
    if (next >= items.length) return;
    slot.pending.push(next);
    slot.port.postMessage(items.slice(next, next + size));
    next += size;
  };
  // Two batches each, so a worker never idles while its next batch is on the way.
  for (const slot of slots) {
    send(slot);
    send(slot);
  }
  wait<O>(
    slots,
    signal,
    () => done === items.length,
    options,
    (index, result) => {
      onResult(index, result);
      done++;
    },
    send,
  );
}

/**
 * Sleeps on the shared counter and hands every result to `onResult` with the index of
 * its item (the worker's `pending` says which batch a reply answers), then calls
 * `replied` with that worker, until `finished`; a worker's error is thrown, and so is
 * silence longer than `stallMs`.
 */
function wait<O>(
  slots: Slot[],
  signal: Int32Array,
  finished: () => boolean,
  options: Pick<PoolOptions, 'stallMs'>,
  onResult: (index: number, result: O) => void,
  replied?: (slot: Slot) => void,
): void {
  let quietSince = Date.now();
  while (!finished()) {
    const seen = Atomics.load(signal, 0);
    let replies = 0;
    for (const slot of slots) {
      for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
        const reply = m.message as WorkerReply<O>;
        if ('error' in reply) throw new Error(`worker ${slot.name} failed: ${reply.error}`);
        const start = slot.pending.shift()!;
        reply.results.forEach((result, i) => onResult(start + i, result));
        replied?.(slot);
        replies++;
      }
    }
    if (replies) quietSince = Date.now();
    else if (Date.now() - quietSince > (options.stallMs ?? 300_000)) {
      throw new Error(`workers ${slots[0]?.name} stopped answering (out of memory?)`);
    }
    if (!finished()) Atomics.wait(signal, 0, seen, 1000);
  }
}
