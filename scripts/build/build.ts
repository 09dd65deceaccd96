/**
 * The build, as its pipeline:
 * read → segment → recognize → resolve → relate → cite → emit (`prepare.ts`, in a process
 * of its own) → render (Astro, in one or more processes of their own, feeding Pagefind
 * here, while this process writes the redirect pages) → index (Pagefind's files, service
 * worker, host report) → the site put in place, then the ledger and version history. This
 * module loads only what the build process itself runs, so that the extraction process
 * starts at once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, dirname } from 'node:path';
import { loadConfig, ROOT, type Config } from '../core/config.ts';
import { markdownFiles } from '../read/index.ts';
import { stripBase } from '../core/urls.ts';
import { publishHistory } from '../versions/history.ts';
import { startStage } from '../util/progress.ts';
import { replaceTree } from '../util/replace-tree.ts';
import { renderInProcesses, renderShards, type ContentScale } from '../astro/shards.ts';
import { startSearchIndex } from '../astro/pagefind.ts';
import { finishPermanence, publishLedger, writeRedirects } from '../astro/permanence.ts';
import type { Ledger } from '../permanence/ledger.ts';
import { hashFiles, writeServiceWorker } from '../astro/service-worker.ts';
import { describeEntityPages, measureSite, reportSite } from '../astro/host-report.ts';
import { listSite } from '../astro/site-files.ts';
import { isRunning } from '../util/running.ts';
import { defaultDataDir, PERMANENCE_WRITTEN, stagedHistory, type BuildOptions } from './paths.ts';
import type { BuildStats, Prepared } from './prepare.ts';

export type { BuildOptions } from './paths.ts';
export type { BuildStats } from './prepare.ts';

/**
 * Runs `prepareSite` in a child process (`prepare-process.ts`): extraction, resolution
 * and citation hold the whole corpus in memory, and a process that ends gives all of it
 * back, where a heap that shrank would keep most of it from the pages Astro renders.
 */
function prepareInProcess(
  dataDir: string,
  options: BuildOptions,
): { prepared: Promise<Prepared>; permanence: Promise<void>; stop(): void } {
  let child!: ChildProcess;
  const permanence = Promise.withResolvers<void>();
  permanence.promise.catch(() => {});
  const prepared = new Promise<Prepared>((resolve, reject) => {
    child = fork(
      fileURLToPath(new URL('./prepare-process.ts', import.meta.url)),
      [JSON.stringify({ ...options, dataDir })],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // A larger young generation: fewer short-lived objects are kept as if they were
        // long-lived; at 10,000 articles its peak fell from 1.85 to 1.5 GB.
        execArgv: ['--max-semi-space-size=32'],
      },
    );
    let answer: { prepared: Prepared } | { error: string } | undefined;
    child.on('message', (message) => {
      if (message === PERMANENCE_WRITTEN) permanence.resolve();
      else answer = message as typeof answer;
    });
    child.on('error', (error) => {
      permanence.reject(error);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      permanence.reject(new Error('the extraction process ended before its data was written'));
      if (answer && 'prepared' in answer) resolve(answer.prepared);
      else if (answer) reject(new Error(answer.error));
      else reject(new Error(`the extraction process stopped (${signal ?? `exit code ${code}`})`));
    });
  });
  // Awaited by `buildSite` unless rendering failed first, which stops it: its data would
  // go unused, and its own failure then says nothing new.
  prepared.catch(() => {});
  return {
    prepared,
    permanence: permanence.promise,
    stop: () => void (child.exitCode === null && child.kill()),
  };
}

/** The articles in `content/articles`, counted and measured without reading them. */
function contentScale(config: Config): ContentScale {
  const files = markdownFiles(join(config.contentDir, 'articles'));
  let bytes = 0;
  for (const file of files) bytes += statSync(file).size;
  return { articles: files.length, bytes };
}

/**
 * From the page data in `dataDir` to the site in `outDir`: Astro renders it in processes
 * of their own, several for a large site (`astro/shards.ts`), which start at once and
 * bundle the site while `data` (the page data being made) is not yet written; this
 * process holds the search index they send their pages to, and does the rest after.
 * Returns the seconds of both stages, rendering counted from when the data was ready.
 */
export async function renderSite(
  config: Config,
  dataDir: string,
  outDir: string,
  options: { data: Promise<unknown>; permanence?: Promise<void>; quiet?: boolean },
): Promise<{ render: number; index: number; ledger: Ledger }> {
  const scale = contentScale(config);
  const shards = renderShards(scale.articles);
  const search = await startSearchIndex(shards, config.base);
  // The service worker's hashes of the rendered pages, by file, as their processes send them.
  const pageHashes = new Map<string, string>();
  let started = performance.now();
  let stage: ReturnType<typeof startStage> | undefined;
  const data = options.data.then((value) => {
    started = performance.now();
    stage = startStage('render', options.quiet);
    return value;
  });
  // The redirect pages are written as soon as the extraction process has written what
  // they need: beside its last stage and the first pages, not beside Pagefind's writing
  // of its index, which is the last thing a build waits for.
  const redirects = (options.permanence ?? options.data).then(() =>
    writeRedirects(outDir, dataDir),
  );
  redirects.catch(() => {});
  try {
    await renderInProcesses({
      outDir,
      dataDir,
      data,
      scale,
      count: shards,
      page: (shard, fed) => {
        if (fed.written) {
          const { pathname, sha256 } = fed.written;
          pageHashes.set(`${stripBase(pathname, config.base)}index.html`, sha256);
        }
        return search.add(shard, fed);
      },
      done: search.end,
      quiet: options.quiet,
    });
    const rendered = performance.now();
    stage!.done();
    const indexing = startStage('index', options.quiet);
    // Pagefind writes its files while the rest of the site is hashed for the service
    // worker (the pages hashed as they were rendered, the redirect pages as they were
    // written); the report counts everything. That work
    // keeps this process busy: it starts once Pagefind has been told to write.
    const written = (await search.write(outDir)).done;
    const permanence = await finishPermanence(outDir, await redirects, pageHashes);
    const last = (name: string) => name === 'pagefind' || name === 'sw.js';
    const site = listSite(outDir, (name) => !last(name));
    const hashed = hashFiles(
      outDir,
      site.map((f) => f.path),
      new Map([...pageHashes, ...permanence.hashes]),
    );
    // The entity pages are all there: weighed now, not once Pagefind is done.
    const entityPages = describeEntityPages(
      outDir,
      measureSite(outDir, { files: site, redirects: permanence.redirects }).entityPages,
    );
    await written;
    const files = [...site, ...listSite(outDir, (name) => name === 'pagefind')];
    writeServiceWorker(outDir, config.base, hashed, files);
    reportSite(
      outDir,
      { files: [...files, ...listSite(outDir, (name) => name === 'sw.js')] },
      entityPages,
    );
    indexing.done();
    return {
      render: (rendered - started) / 1000,
      index: (performance.now() - rendered) / 1000,
      ledger: permanence.ledger,
    };
  } finally {
    // Nothing may go on writing into the site once this returns (a failed build removes it).
    await redirects.catch(() => {});
    await search.close();
  }
}

/**
 * One build at a time per data folder: two would write each other's page data while
 * the other renders it. The lock is a file holding the build's process id; one left by
 * a build that was killed is taken over. Returns its release.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  return lockFile(
    join(dataDir, 'build.lock'),
    (holder) =>
      `another build (process ${holder}) is using ${relative(process.cwd(), dataDir) || '.'}/; ` +
      `wait for it to finish, or give this build a data folder of its own with KB_DATA`,
  );
}

/**
 * One build at a time into one site folder, whatever their data folders: both would
 * stage the site in the same `<out>.building` and swap it into place.
 */
function lockOutDir(outDir: string): () => void {
  mkdirSync(dirname(outDir), { recursive: true });
  return lockFile(
    `${outDir}.lock`,
    (holder) =>
      `another build (process ${holder}) is writing ${relative(process.cwd(), outDir) || '.'}/; ` +
      `wait for it to finish, or build into another folder with --out or KB_OUT`,
  );
}

/**
 * Takes the lock `file` (holding this process's id), or fails with `busy(holder)` while
 * the process holding it runs; one left by a build that was killed is taken over.
 */
function lockFile(file: string, busy: (holder: number) => string): () => void {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isRunning(holder)) throw new Error(busy(holder));
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

/**
 * Where a build puts the site until it is complete: beside its place (so that it moves
 * there with a rename), which keeps the last site whole while a build runs or if it fails.
 */
const stagedSite = (outDir: string) => `${outDir}.building`;

/**
 * Where Astro renders the site: beside its place, or, when that is on another file system
 * than the project, in the project. Astro moves its assets there with a rename from its
 * working folder in the project (`node_modules/.dossier-render/`), which fails across
 * file systems (EXDEV); the finished site is then copied beside its place and renamed in.
 */
function renderFolder(outDir: string): string {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  return statSync(parent).dev === statSync(ROOT).dev
    ? stagedSite(outDir)
    : join(ROOT, 'node_modules', `.dossier-site-${process.pid}`);
}

/** Builds the whole site. Returns the number of content problems found. */
export async function buildSite(
  options: BuildOptions = {},
): Promise<{ problems: number; seconds: Record<string, number>; stats: BuildStats }> {
  // Since the process started (one build per process): Node's start and loading the
  // build are part of the wait too (`startup`).
  const started = performance.now();
  const config = loadConfig();
  const dataDir = options.dataDir ?? defaultDataDir();
  const outDir = options.outDir ?? process.env.KB_OUT ?? join(ROOT, 'dist');
  const unlockData = lockDataDir(dataDir);
  let unlockOut: () => void;
  try {
    unlockOut = lockOutDir(outDir);
  } catch (error) {
    unlockData();
    throw error;
  }
  const unlock = () => {
    unlockOut();
    unlockData();
  };
  const staged = stagedSite(outDir);
  const rendered = renderFolder(outDir);
  let built: [Awaited<ReturnType<typeof renderSite>>, Prepared];
  try {
    // Astro's render processes start beside extraction and wait for its page data.
    const { prepared, permanence, stop } = prepareInProcess(dataDir, options);
    rmSync(staged, { recursive: true, force: true });
    rmSync(rendered, { recursive: true, force: true });
    try {
      built = [
        await renderSite(config, dataDir, rendered, {
          data: prepared,
          permanence,
          quiet: options.quiet,
        }),
        await prepared,
      ];
    } catch (error) {
      stop();
      rmSync(rendered, { recursive: true, force: true });
      throw error;
    }
    if (rendered !== staged) {
      cpSync(rendered, staged, { recursive: true });
      rmSync(rendered, { recursive: true, force: true });
    }
    replaceTree(staged, outDir);
    // Only now are its pages public: the ledger and the history say so (both written
    // atomically), never before, so that a build failing late claims nothing.
    publishLedger(built[0].ledger);
    publishHistory(stagedHistory(dataDir), config.historyDir);
  } finally {
    unlock();
  }
  const [{ render, index }, { problems, seconds, stats }] = built;
  const finished = performance.now();
  Object.assign(seconds, { startup: started / 1000, render, index, total: finished / 1000 });
  console.log(
    `built ${stats.articles} article(s), skipped ${new Set(problems.filter((p) => !p.kept).map((p) => p.file)).size}; ` +
      `${stats.entities} entities → ${relative(process.cwd(), outDir) || '.'}/ in ${seconds.total!.toFixed(1)} s`,
  );
  return { problems: problems.length, seconds, stats };
}
