/**
 * One benchmark build, run in its own process so that its memory (and Pagefind's, a
 * grandchild) can be measured apart from the benchmark's: builds with the environment
 * it was given and sends the stage times and counters to the parent.
 */
import { buildSite } from '../build/build.ts';

const result = await buildSite();
process.send!({
  seconds: result.seconds,
  stats: result.stats,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
});
