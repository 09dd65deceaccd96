/**
 * The first half of a build, run in a process of its own (`prepare-process.ts`): read →
 * segment → recognize → resolve → relate → assemble → versions → cite → emit. Writes the
 * page data `renderSite` (`build.ts`) renders, and the staged version history.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../core/config.ts';
import { createUrls, stripBase, type Urls } from '../core/urls.ts';
import { formatProblem, markdownFiles, readArticles, readCuratedEntities } from '../read/index.ts';
import { resolveEntities, type ResolvedEntity } from '../resolve/index.ts';
import { relateEntities } from '../relate/index.ts';
import { articlesToRender, assembleSite } from '../assemble/index.ts';
import { type SiteData } from '../core/views.ts';
import { startPool } from '../parallel/pool.ts';
import { emitSiteData } from '../emit/index.ts';
import { addDisambiguation } from '../assemble/disambiguation.ts';
import { publishedEntities, readLedger } from '../permanence/ledger.ts';
import { readHistory, stageHistory, type History } from '../versions/history.ts';
import { recordVersions, versionDate } from '../versions/record.ts';
import {
  extractArticles,
  startExtraction,
  type ExtractAllResult,
} from '../parallel/extract-all.ts';
import { articleItem, entityItem, storyItem, type CslItem } from '../citation/csl-json.ts';
import {
  citeAhead,
  prepareCitations,
  startCitationPool,
  type PrepareOptions,
} from '../citation/prepare.ts';
import { articleRef, entityLink } from '../core/links.ts';
import type { Article, ContentProblem } from '../core/types.ts';
import { defaultDataDir, stagedHistory, type BuildOptions } from './paths.ts';

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
  /**
   * Render the articles' bodies in a worker of their own while relating and assembling
   * (`render-article-worker.ts`). Default: from `RENDER_AHEAD` articles.
   */
  renderAhead?: boolean;
}

/** What resolution leaves for the stages after it. */
export interface Resolved {
  articles: Article[];
  entities: ResolvedEntity[];
  urls: Urls;
  /** ISO time of the build (as in `SiteData.site`), unless output must not carry one. */
  generated?: string;
}

/** Runs `work`, adding its wall seconds to `seconds[stage]`; returns what it returns. */
function stageTimer(seconds: Record<string, number>) {
  return <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    seconds[stage] = (seconds[stage] ?? 0) + (performance.now() - started) / 1000;
    return result;
  };
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
  const time = stageTimer(seconds);
  const curated = time('read', () =>
    readCuratedEntities(join(config.contentDir, 'entities'), config.root),
  );
  // Per-article work: cached by content hash, the rest spread over worker threads, which
  // start while the articles are read (as many as there are files to read at most).
  const articlesDir = join(config.contentDir, 'articles');
  const extracting = {
    context: { curated: curated.items },
    cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir || undefined,
    workers: options.workers,
  };
  const started = startExtraction(markdownFiles(articlesDir).length, extracting);
  let articles: ReturnType<typeof readArticles>;
  try {
    articles = time('read', () => readArticles(articlesDir, config.root));
  } catch (error) {
    started?.pool.close();
    throw error;
  }
  const perArticle = time('extract', () =>
    extractArticles(articles.items, { ...extracting, quiet, started }),
  );
  Object.assign(seconds, perArticle.seconds);
  options.onExtracted?.(perArticle.stats);
  const extracted = articles.items.map((article, i) => {
    const { tree, paragraphs, located, quotes, story } = perArticle.extractions[i]!;
    // The extraction may be an identical article's, from the cache (see `located`).
    for (const m of located) m.article = article.id;
    return { doc: { article, tree, paragraphs, story }, located, quotes };
  });
  // The articles' bodies are rendered on another core while this one relates and assembles.
  const renderer =
    (options.renderAhead ?? articles.items.length >= RENDER_AHEAD)
      ? startPool({ script: RENDER_WORKER, workers: 1, init: undefined })
      : undefined;
  try {
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
    const docs = extracted.map((e) => e.doc);
    const toRender = articlesToRender(docs, entities, urls);
    renderer?.post(toRender, { batch: 32 });
    options.onResolved?.({ articles: articles.items, entities, urls, generated });
    const site = time('assemble', () =>
      addDisambiguation(
        assembleSite({
          config,
          urls,
          docs,
          quotes: extracted.flatMap((e) =>
            e.quotes.map((quote) => ({ article: e.doc.article.id, quote })),
          ),
          entities,
          relate: (knowledge) => time('relate', () => relateEntities(knowledge, { limit: 12 })),
          generated,
          bodies: { toRender, html: renderer && (() => renderer.collect<string>()) },
        }),
        urls,
      ),
    );
    // Relating is timed on its own, though assembly asks for it.
    seconds.assemble! -= seconds.relate!;
    return {
      config,
      site,
      problems: [...articles.problems, ...curated.problems],
      review,
      seconds,
      stats: perArticle.stats,
    };
  } finally {
    renderer?.close();
  }
}

/**
 * From this many articles, their bodies are rendered by a worker of their own
 * (`render-article-worker.ts`) while relations and knowledge are gathered; below it,
 * starting the worker costs more than it saves.
 */
const RENDER_AHEAD = 200;
const RENDER_WORKER = new URL('../assemble/render-article-worker.ts', import.meta.url);

/** Counters of one build, for `kb bench`. */
export type BuildStats = ExtractResult['stats'] & { articles: number; entities: number };

/** What `prepareSite` hands back: the summary, none of the site data. */
export interface Prepared {
  problems: ContentProblem[];
  seconds: Record<string, number>;
  stats: BuildStats;
}

/**
 * From this many articles (extracted anew or from the cache), the citation workers start
 * once extraction ends (`startCitationPool`) rather than when the entries are ready to cite.
 */
const EARLY_CITATION_POOL = 200;

/**
 * Extract, check, cite and emit: writes the page data and the staged version history,
 * and returns what the summary needs but not the site data. `buildSite` runs it in a
 * process of its own (`prepare-process.ts`), so that all of its memory is given back
 * before Astro renders. `permanenceWritten`: see `emitSiteData`.
 */
export function prepareSite(
  config: Config,
  dataDir: string,
  options: BuildOptions,
  permanenceWritten?: () => void,
): Prepared {
  const citing: PrepareOptions = {
    cacheDir: options.cache === false ? undefined : join(dataDir, 'citations'),
    workers: options.workers,
    quiet: options.quiet,
  };
  const history = readHistory(config.historyDir);
  const result = extractKnowledge(config, options.quiet, {
    cacheDir: options.cache === false ? false : join(dataDir, 'cache'),
    workers: options.workers,
    // Many articles make many pages to cite (most of them anew, even in a rebuild: an
    // entry a template formats is not cached): the citation workers set up on the core
    // that resolution and assembly leave idle.
    onExtracted: ({ extracted, cached }) => {
      if (extracted + cached >= EARLY_CITATION_POOL) citing.pool = startCitationPool(citing);
    },
    // One of those workers formats what the build can tell it will cite meanwhile.
    onResolved: (resolved) => {
      if (citing.pool)
        Object.assign(citing, citeAhead(citing.pool, expectedItems(resolved, config, history)));
    },
  });
  let versions: ReturnType<typeof recordVersions>;
  const seconds = { ...result.seconds, versions: 0, cite: 0, emit: 0 };
  const time = stageTimer(seconds);
  try {
    // The stories are known once the site is assembled: their entries are sent too.
    if (citing.pool && citing.ahead)
      Object.assign(citing, citeAhead(citing.pool, storyItems(result.site), citing.ahead));
    for (const problem of result.problems) console.error(`warning: ${formatProblem(problem)}`);
    if (options.strict && result.problems.length) {
      throw new Error(
        `${result.problems.length} content problem(s); fix them or build without --strict`,
      );
    }
    // Versions first: a version hashes the page's content, and citations are dated by it.
    versions = time('versions', () =>
      recordVersions(result.site, history, versionDate(config.sourceDateEpoch)),
    );
    result.site.archived = versions.archived;
    result.site.snapshots = versions.snapshots;
    time('cite', () => attachCitations(result.site, citing));
  } finally {
    citing.pool?.close();
  }
  time('emit', () => {
    emitSiteData(dataDir, result.site, permanenceWritten);
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
 * every entity's as a page dated as `recordVersions` will date it if its content did not
 * change: by its latest version in `history`, else as new today. Items that come out
 * otherwise (a page whose content changed) are formatted when the pages are cited.
 */
export function expectedItems(
  { articles, entities, urls, generated }: Resolved,
  config: Config,
  history: History = new Map(),
): CslItem[] {
  const site = { title: config.title, publisher: config.publisher, url: config.site, generated };
  const today = versionDate(config.sourceDateEpoch);
  return [
    ...articles.map((a) =>
      articleItem({ ...articleRef(a, urls), language: a.meta.language }, site),
    ),
    ...entities.map((e) => {
      const link = entityLink(e, urls);
      const date = history.get(stripBase(link.path, config.base))?.at(-1)?.date ?? today;
      return entityItem({ ...link, version: { date } }, site);
    }),
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
    ...storyItems(site),
  ];
}

/** The cite entries of the site's stories, in the order of their pages. */
const storyItems = (site: SiteData) =>
  (site.kb.stories ?? []).map((story) => storyItem(story, site.site));
