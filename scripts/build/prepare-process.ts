/**
 * The first half of a build in a process of its own (started by `buildSite`): extract,
 * resolve, cite and emit the page data, send the summary back, and exit, so that the
 * memory all of that took is free before Astro renders.
 */
import { loadConfig } from '../core/config.ts';
import { PERMANENCE_WRITTEN, type BuildOptions } from './paths.ts';
import { prepareSite } from './prepare.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as BuildOptions & { dataDir: string };
try {
  // The build process writes the redirect pages from that file while the rest is written.
  const prepared = prepareSite(loadConfig(), options.dataDir, options, () =>
    process.send!(PERMANENCE_WRITTEN),
  );
  process.send!({ prepared }, () => process.exit(0));
} catch (error) {
  process.send!({ error: (error as Error).message }, () => process.exit(1));
}
