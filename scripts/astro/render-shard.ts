/**
 * A render process (`shards.ts`): an Astro build of this process's share of the pages
 * (`KB_SHARD`) into `KB_OUT`. It starts while the page data is still being made: Vite
 * bundles the site meanwhile, and the first read of the data (`src/lib/site.ts`) waits
 * until the build process says it is written. Its pages go to the build process, which
 * holds the search index, and it renders on while that one is at most `MAX_BEHIND`
 * pages behind. Stops when the build process does.
 */
import { ROOT, loadConfig } from '../core/config.ts';
import { setPageFolder } from './page-files.ts';
import { MAX_BEHIND, PAGES_PER_MESSAGE, setFeed, type FedPage } from './pagefind.ts';
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

// Several pages render at once. Their pages go to the build process a few per message
// (messages cost more than bytes); each page past the window waits for an answer, and
// the pages held back are sent before any waiting, so that none is held while the build
// process waits for it.
let unanswered = 0;
let held: FedPage[] = [];
const waiting: Array<() => void> = [];
const send = () => {
  if (held.length) process.send!(held);
  held = [];
};
process.on('message', (message) => {
  if (message === DATA_READY) release();
  if (typeof message !== 'number') return;
  unanswered -= message;
  while (waiting.length && unanswered < MAX_BEHIND) waiting.shift()!();
});
setFeed({
  add: async (fed: FedPage) => {
    held.push(fed);
    if (held.length >= PAGES_PER_MESSAGE) send();
    if (++unanswered >= MAX_BEHIND) {
      send();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  },
});

// The pages of route lists are written by the middleware, as they render (`page-files.ts`).
if (process.env.KB_OUT) setPageFolder(process.env.KB_OUT, loadConfig().base);

const { build } = await import('astro');
const logLevel = process.env.KB_LOG_LEVEL === 'warn' ? 'warn' : 'error';
await build({ root: ROOT, logLevel, outDir: process.env.KB_OUT });
// The last pages, then out once they are on their way.
process.send!(held, () => process.exit(0));
