/**
 * A render process (`shards.ts`): an Astro build of this process's share of the pages
 * (`KB_SHARD`) into `KB_OUT`. It starts while the page data is still being made: Vite
 * bundles the site meanwhile, and the first read of the data (`src/lib/site.ts`) waits
 * until the build process says it is written. Its pages go to the build process, which
 * holds the search index, and it renders on while that one is at most `MAX_BEHIND`
 * pages behind. Stops when the build process does.
 */
import { ROOT } from '../config.ts';
import { MAX_BEHIND, setFeed, type FedPage } from './pagefind.ts';
import { DATA_READY, WANTS_DATA, setDataGate } from './shards.ts';

process.on('disconnect', () => process.exit(1));
process.env.ASTRO_TELEMETRY_DISABLED = '1';

let dataReady: Promise<void> | undefined;
let release: () => void;
setDataGate(() => {
  dataReady ??= new Promise<void>((resolve) => {
    release = resolve;
    process.send!(WANTS_DATA);
  });
  return dataReady;
});

// Several pages render at once: each one sent past the window waits for an answer.
let unanswered = 0;
const waiting: Array<() => void> = [];
process.on('message', (message) => {
  if (message === DATA_READY) release();
  if (message !== 'ack') return;
  unanswered--;
  waiting.shift()?.();
});
setFeed({
  add: async (fed: FedPage) => {
    process.send!(fed);
    if (++unanswered >= MAX_BEHIND) await new Promise<void>((resolve) => waiting.push(resolve));
  },
});

const { build } = await import('astro');
const logLevel = process.env.KB_LOG_LEVEL === 'warn' ? 'warn' : 'error';
await build({ root: ROOT, logLevel, outDir: process.env.KB_OUT });
process.exit(0);
