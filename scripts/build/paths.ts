/**
 * Where a build keeps its files, and how it is asked to run: shared by the build
 * process (`build.ts`) and the process that prepares the page data (`prepare.ts`),
 * without loading either.
 */
import { join } from 'node:path';
import { ROOT } from '../core/config.ts';

export interface BuildOptions {
  /** Fail (exit non-zero) when any content file has a problem. */
  strict?: boolean;
  quiet?: boolean;
  /** Where the page data goes; defaults to `.kb/` in the project. */
  dataDir?: string;
  /** Where the site goes; defaults to `dist/`. */
  outDir?: string;
  /** `false` extracts every article afresh (the cache lives in `<dataDir>/cache`). */
  cache?: boolean;
  /** Worker threads for extraction (default: one per core). */
  workers?: number;
}

/** The data folder: `KB_DATA`, else `.kb/` in the project. */
export function defaultDataDir(): string {
  return process.env.KB_DATA || join(ROOT, '.kb');
}

/** Where a build leaves the version history it publishes once the site is rendered. */
export const stagedHistory = (dataDir: string) => join(dataDir, 'history-staged');

/** What the extraction process says once `permanence.json` is written (`emit/index.ts`). */
export const PERMANENCE_WRITTEN = 'permanence-written';
