/**
 * The build, as its pipeline:
 * read → segment → recognize → resolve → relate → cite → emit (in a process of its own)
 * → render (Astro, in one or more processes of their own, feeding Pagefind here) → index
 * (Pagefind's files, redirect pages, service worker, host report).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { loadConfig, ROOT, type Config } from './config.ts';
import { createUrls, type Urls } from './urls.ts';
import {
  formatProblem,
  markdownFiles,
  readArticles,
  readCuratedEntities,
} from './pipeline/read.ts';
import { resolveEntities, type ResolvedEntity } from './pipeline/resolve.ts';
import { relateEntities } from './pipeline/relate.ts';
import { assembleSite, type SiteData } from './pipeline/assemble.ts';
import { emitSiteData } from './pipeline/emit.ts';
import { addDisambiguation } from './disambiguation.ts';
import { publishedEntities, readLedger } from './permanence/ledger.ts';
import { stripBase } from './permanence/plan.ts';
import { publishHistory, readHistory, stageHistory } from './versions/history.ts';
import { recordVersions, versionDate } from './versions/record.ts';
import { extractArticles, type ExtractAllResult } from './parallel/extract-all.ts';
import { startStage } from './progress.ts';
import { replaceTree } from './fs/replace-tree.ts';
import { renderInProcesses, renderShards, type ContentScale } from './astro/shards.ts';
import { startSearchIndex } from './astro/pagefind.ts';
import { writePermanence } from './astro/permanence.ts';
import { hashFiles, writeServiceWorker } from './astro/service-worker.ts';
import { reportSite } from './astro/host-report.ts';
import { listSite } from './astro/site-files.ts';
import { isRunning } from './running.ts';
import { articleItem, entityItem, storyItem, type CslItem } from './citation/csl-json.ts';
import {
  citeAhead,
  prepareCitations,
  startCitationPool,
  type PrepareOptions,
} from './citation/prepare.ts';
import { articleRef, entityLink } from './pipeline/views.ts';
import type { Article, ContentProblem } from './pipeline/types.ts';

/** Entities below this confidence get no page; listed by `kb extract --review`. */
export const PAGE_THRESHOLD = 0.5;

export interface ExtractResult {
  config: Config;
  site: SiteData;
  problems: ContentProblem[];
  review: ResolvedEntity[];
  seconds: Record<string, number>;
  stats: ExtractAllResult['stats'];
}

export interface ExtractOptions {
  /** Extraction cache folder; `false` disables it. Default: `<KB_DATA or .kb>/cache`. */
  cacheDir?: string | false;
  /** Worker threads for per-article extraction (default: one per core, `KB_WORKERS`). */
  workers?: number;
  /** Called once per-article extraction is done, before the single-threaded stages. */
  onExtracted?: (stats: ExtractResult['stats']) => void;
  /** Called once entities are resolved, before they are related and the site assembled. */
  onResolved?: (resolved: Resolved) => void;
}

/** What resolution leaves for the stages after it. */
export interface Resolved {
  articles: Article[];
  entities: ResolvedEntity[];
  urls: Urls;
  /** ISO time of the build (as in `SiteData.site`), unless output must not carry one. */
  generated?: string;
}

/** The data folder: `KB_DATA`, else `.kb/` in the project. */
function defaultDataDir(): string {
  return process.env.KB_DATA || join(ROOT, '.kb');
}

function defaultCacheDir(): string {
  return join(defaultDataDir(), 'cache');
}

/**
 * Runs every stage up to and including assembly. Writes nothing but the extraction
 * cache. `seconds.extract` is the wall time of per-article work; `segment`,
 * `recognize` and `quotes` are thread time summed over workers.
 */
export function extractKnowledge(
  config: Config = loadConfig(),
  quiet = false,
  options: ExtractOptions = {},
): ExtractResult {
  const seconds: Record<string, number> = {};
  const time = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    seconds[stage] = (seconds[stage] ?? 0) + (performance.now() - started) / 1000;
    return result;
  };
  const articles = time('read', () => readArticles(join(config.contentDir, 'articles'), ROOT));
  const curated = time('read', () =>
    readCuratedEntities(join(config.contentDir, 'entities'), ROOT),
  );
  // Per-article work: cached by content hash, the rest spread over worker threads.
  const context = { curated: curated.items };
  const perArticle = time('extract', () =>
    extractArticles(articles.items, {
      context,
      cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir || undefined,
      workers: options.workers,
      quiet,
    }),
  );
  Object.assign(seconds, perArticle.seconds);
  options.onExtracted?.(perArticle.stats);
  const extracted = articles.items.map((article, i) => {
    const { tree, paragraphs, mentions, quotes, story } = perArticle.extractions[i]!;
    return { doc: { article, tree, paragraphs, story }, mentions, quotes };
  });
  const { entities, review } = time('resolve', () =>
    resolveEntities(extracted, curated.items, {
      threshold: PAGE_THRESHOLD,
      published: publishedEntities(readLedger(config.ledgerFile)),
    }),
  );
  const generated =
    config.sourceDateEpoch === undefined
      ? new Date().toISOString()
      : new Date(config.sourceDateEpoch * 1000).toISOString();
  const urls = createUrls(config.base, config.site);
  options.onResolved?.({ articles: articles.items, entities, urls, generated });
  const related = time('relate', () => relateEntities(entities, { limit: 12 }));
  const site = time('assemble', () =>
    addDisambiguation(
      assembleSite({
        config,
        urls,
        docs: extracted.map((e) => e.doc),
        quotes: extracted.flatMap((e) =>
          e.quotes.map((quote) => ({ article: e.doc.article.id, quote })),
        ),
        entities,
        related,
        generated,
      }),
      urls,
    ),
  );
  return {
    config,
    site,
    problems: [...articles.problems, ...curated.problems],
    review,
    seconds,
    stats: perArticle.stats,
  };
}

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

/** Counters of one build, for `kb bench`. */
export type BuildStats = ExtractResult['stats'] & { articles: number; entities: number };

/** What `prepareSite` hands back: the summary, none of the site data. */
export interface Prepared {
  problems: ContentProblem[];
  seconds: Record<string, number>;
  stats: BuildStats;
}

/**
 * From this many articles extracted anew, the citation workers start once extraction
 * ends (`startCitationPool`) rather than when the entries are ready to cite.
 */
const EARLY_CITATION_POOL = 200;

/** Where a build leaves the version history it publishes once the site is rendered. */
const stagedHistory = (dataDir: string) => join(dataDir, 'history-staged');

/**
 * Extract, check, cite and emit: writes the page data and the staged version history,
 * and returns what the summary needs but not the site data. `buildSite` runs it in a
 * process of its own (`prepare-process.ts`), so that all of its memory is given back
 * before Astro renders.
 */
export function prepareSite(config: Config, dataDir: string, options: BuildOptions): Prepared {
  const citing: PrepareOptions = {
    cacheDir: options.cache === false ? undefined : join(dataDir, 'citations'),
    workers: options.workers,
    quiet: options.quiet,
  };
  const result = extractKnowledge(config, options.quiet, {
    cacheDir: options.cache === false ? false : join(dataDir, 'cache'),
    workers: options.workers,
    // Many articles extracted anew make many pages to cite anew: the citation workers
    // set up on the core that resolution and assembly leave idle.
    onExtracted: ({ extracted }) => {
      if (extracted >= EARLY_CITATION_POOL) citing.pool = startCitationPool(citing);
    },
    // One of those workers formats what the build can tell it will cite meanwhile.
    onResolved: (resolved) => {
      if (citing.pool)
        Object.assign(citing, citeAhead(citing.pool, expectedItems(resolved, config)));
    },
  });
  let versions: ReturnType<typeof recordVersions>;
  const seconds = { ...result.seconds, cite: 0, emit: 0 };
  const time = (stage: 'cite' | 'emit', work: () => void) => {
    const started = performance.now();
    work();
    seconds[stage] += (performance.now() - started) / 1000;
  };
  try {
    for (const problem of result.problems) console.error(`warning: ${formatProblem(problem)}`);
    if (options.strict && result.problems.length) {
      throw new Error(
        `${result.problems.length} content problem(s); fix them or build without --strict`,
      );
    }
    // Versions first: a version hashes the page's content, and citations are dated by it.
    versions = recordVersions(
      result.site,
      readHistory(config.historyDir),
      versionDate(config.sourceDateEpoch),
    );
    result.site.archived = versions.archived;
    time('cite', () => attachCitations(result.site, citing));
  } finally {
    citing.pool?.close();
  }
  time('emit', () => {
    emitSiteData(dataDir, result.site);
    // Like the ledger, the history is published once the site has rendered (`renderSite`).
    rmSync(stagedHistory(dataDir), { recursive: true, force: true });
    stageHistory(stagedHistory(dataDir), versions.history, versions.changed);
  });
  const { articles, entities } = result.site.kb;
  return {
    problems: result.problems,
    seconds,
    stats: { ...result.stats, articles: articles.length, entities: entities.length },
  };
}

/**
 * The cite entries a build will need, as far as resolution tells: every article's, and
 * every entity's as a page whose version is new today (`recordVersions`), as it is in a
 * first build. Items that come out otherwise are formatted when the pages are cited.
 */
export function expectedItems(
  { articles, entities, urls, generated }: Resolved,
  config: Config,
): CslItem[] {
  const site = { title: config.title, publisher: config.publisher, url: config.site, generated };
  const version = { date: versionDate(config.sourceDateEpoch) };
  return [
    ...articles.map((a) =>
      articleItem({ ...articleRef(a, urls), language: a.meta.language }, site),
    ),
    ...entities.map((e) => entityItem({ ...entityLink(e, urls), version }, site)),
  ];
}

/**
 * Formats every page's cite box on all cores before Astro renders (one citeproc entry
 * costs about a millisecond per style), and puts it in the page's view.
 */
function attachCitations(site: SiteData, options: PrepareOptions): void {
  const views = [...site.articles, ...site.entities, ...(site.archived ?? []).map((a) => a.view)];
  const stories = site.kb.stories ?? [];
  const formatted = prepareCitations(citedItems(site), options);
  views.forEach((view, i) => (view.citation = formatted[i]));
  site.storyCitations = Object.fromEntries(
    stories.map((story, i) => [story.id, formatted[views.length + i]!]),
  );
}

/**
 * The cite entries of a site whose versions are recorded, in the order their pages
 * take them: articles, entities, frozen copies of earlier versions, stories.
 */
export function citedItems(site: SiteData): CslItem[] {
  const entities = [...site.entities, ...(site.archived ?? []).map((a) => a.view)];
  return [
    ...site.articles.map((article) => articleItem(article, site.site)),
    ...entities.map((entity) => entityItem(entity, site.site)),
    ...(site.kb.stories ?? []).map((story) => storyItem(story, site.site)),
  ];
}

/**
 * Runs `prepareSite` in a child process (`prepare-process.ts`): extraction, resolution
 * and citation hold the whole corpus in memory, and a process that ends gives all of it
 * back, where a heap that shrank would keep most of it from the pages Astro renders.
 */
function prepareInProcess(
  dataDir: string,
  options: BuildOptions,
): { prepared: Promise<Prepared>; stop(): void } {
  let child!: ChildProcess;
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
    child.on('message', (message) => (answer = message as typeof answer));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer && 'prepared' in answer) resolve(answer.prepared);
      else if (answer) reject(new Error(answer.error));
      else reject(new Error(`the extraction process stopped (${signal ?? `exit code ${code}`})`));
    });
  });
  // Awaited by `buildSite` unless rendering failed first, which stops it: its data would
  // go unused, and its own failure then says nothing new.
  prepared.catch(() => {});
  return { prepared, stop: () => void (child.exitCode === null && child.kill()) };
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
  options: { data: Promise<unknown>; quiet?: boolean },
): Promise<{ render: number; index: number }> {
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
    // Pagefind writes its files while the redirect pages are written and the rest of the
    // site is hashed for the service worker (the pages hashed as they were rendered, the
    // redirect pages as they are written); the report counts everything.
    const written = search.write(outDir);
    written.catch(() => {});
    const permanence = await writePermanence(outDir);
    const last = (name: string) => name === 'pagefind' || name === 'sw.js';
    const site = listSite(outDir, (name) => !last(name));
    const hashed = hashFiles(
      outDir,
      site.map((f) => f.path),
      new Map([...pageHashes, ...permanence.hashes]),
    );
    // With the ledger (`writePermanence`): the site has rendered, its pages are public.
    publishHistory(stagedHistory(dataDir), config.historyDir);
    await written;
    const files = [...site, ...listSite(outDir, (name) => name === 'pagefind')];
    writeServiceWorker(outDir, config.base, hashed, files);
    reportSite(outDir, {
      files: [...files, ...listSite(outDir, (name) => name === 'sw.js')],
      redirects: permanence.redirects,
    });
    indexing.done();
    return {
      render: (rendered - started) / 1000,
      index: (performance.now() - rendered) / 1000,
    };
  } finally {
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
  const file = join(dataDir, 'build.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isRunning(holder))
      throw new Error(
        `another build (process ${holder}) is using ${relative(process.cwd(), dataDir) || '.'}/; ` +
          `wait for it to finish, or give this build a data folder of its own with KB_DATA`,
      );
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

/**
 * Where a build puts the site until it is complete: beside its place (so that it moves
 * there with a rename), which keeps the last site whole while a build runs or if it fails.
 */
const stagedSite = (outDir: string) => `${outDir}.building`;

/** Builds the whole site. Returns the number of content problems found. */
export async function buildSite(
  options: BuildOptions = {},
): Promise<{ problems: number; seconds: Record<string, number>; stats: BuildStats }> {
  const started = performance.now();
  const config = loadConfig();
  const dataDir = options.dataDir ?? defaultDataDir();
  const outDir = options.outDir ?? process.env.KB_OUT ?? join(ROOT, 'dist');
  const unlock = lockDataDir(dataDir);
  const staged = stagedSite(outDir);
  let built: [Awaited<ReturnType<typeof renderSite>>, Prepared];
  try {
    // Astro's render processes start beside extraction and wait for its page data.
    const { prepared, stop } = prepareInProcess(dataDir, options);
    rmSync(staged, { recursive: true, force: true });
    try {
      built = [
        await renderSite(config, dataDir, staged, { data: prepared, quiet: options.quiet }),
        await prepared,
      ];
    } catch (error) {
      stop();
      rmSync(staged, { recursive: true, force: true });
      throw error;
    }
    replaceTree(staged, outDir);
  } finally {
    unlock();
  }
  const [{ render, index }, { problems, seconds, stats }] = built;
  const finished = performance.now();
  Object.assign(seconds, { render, index, total: (finished - started) / 1000 });
  console.log(
    `built ${stats.articles} article(s), skipped ${new Set(problems.map((p) => p.file)).size}; ` +
      `${stats.entities} entities → ${relative(process.cwd(), outDir) || '.'}/ in ${seconds.total!.toFixed(1)} s`,
  );
  return { problems: problems.length, seconds, stats };
}
