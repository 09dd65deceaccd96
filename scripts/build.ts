/**
 * The build, as its pipeline:
 * read → segment → recognize → resolve → relate → emit → astro build (+ Pagefind).
 */
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig, ROOT, type Config } from './config.ts';
import { createUrls } from './urls.ts';
import { formatProblem, readArticles, readCuratedEntities } from './pipeline/read.ts';
import { segmentArticle } from './pipeline/segment.ts';
import { extractQuotes } from './pipeline/quotes.ts';
import { createRecognizers, recognizeMentions } from './pipeline/recognize/index.ts';
import { resolveEntities, type ResolvedEntity } from './pipeline/resolve.ts';
import { relateEntities } from './pipeline/relate.ts';
import { assembleSite, type SiteData } from './pipeline/assemble.ts';
import { emitSiteData } from './pipeline/emit.ts';
import { startProgress } from './progress.ts';
import type { ContentProblem } from './pipeline/types.ts';

/** Entities below this confidence get no page; listed by `kb extract --review`. */
export const PAGE_THRESHOLD = 0.5;

export interface ExtractResult {
  config: Config;
  site: SiteData;
  problems: ContentProblem[];
  review: ResolvedEntity[];
  seconds: Record<string, number>;
}

/** Runs every stage up to and including assembly; writes nothing. */
export function extractKnowledge(config: Config = loadConfig(), quiet = false): ExtractResult {
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
  const recognizers = createRecognizers({ curated: curated.items });
  const progress = startProgress('extract', articles.items.length, quiet);
  const extracted = articles.items.map((article) => {
    const doc = time('segment', () => segmentArticle(article));
    const mentions = time('recognize', () => recognizeMentions(doc, recognizers));
    const quotes = time('quotes', () => extractQuotes(doc, mentions));
    progress.tick();
    return { doc, mentions, quotes };
  });
  progress.done();
  const { entities, review } = time('resolve', () =>
    resolveEntities(extracted, curated.items, { threshold: PAGE_THRESHOLD }),
  );
  const related = time('relate', () => relateEntities(entities, { limit: 12 }));
  const generated =
    config.sourceDateEpoch === undefined
      ? new Date().toISOString()
      : new Date(config.sourceDateEpoch * 1000).toISOString();
  const urls = createUrls(config.base, config.site);
  const site = time('assemble', () =>
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
  );
  return { config, site, problems: [...articles.problems, ...curated.problems], review, seconds };
}

export interface BuildOptions {
  /** Fail (exit non-zero) when any content file has a problem. */
  strict?: boolean;
  quiet?: boolean;
  /** Where the page data goes; defaults to `.kb/` in the project. */
  dataDir?: string;
  /** Where the site goes; defaults to `dist/`. */
  outDir?: string;
}

/** Builds the whole site. Returns the number of content problems found. */
export async function buildSite(
  options: BuildOptions = {},
): Promise<{ problems: number; seconds: Record<string, number> }> {
  const started = performance.now();
  const config = loadConfig();
  const dataDir = options.dataDir ?? process.env.KB_DATA ?? join(ROOT, '.kb');
  const outDir = options.outDir ?? process.env.KB_OUT ?? join(ROOT, 'dist');
  const result = extractKnowledge(config, options.quiet);
  for (const problem of result.problems) console.error(`warning: ${formatProblem(problem)}`);
  if (options.strict && result.problems.length) {
    throw new Error(
      `${result.problems.length} content problem(s); fix them or build without --strict`,
    );
  }
  emitSiteData(dataDir, result.site);
  const renderStarted = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  // Astro would otherwise try to send telemetry: no request leaves this machine.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  process.env.KB_DATA = dataDir;
  process.env.KB_OUT = outDir;
  await build({ root: ROOT, logLevel: options.quiet ? 'error' : 'warn', outDir });
  const seconds = {
    ...result.seconds,
    render: (performance.now() - renderStarted) / 1000,
    total: (performance.now() - started) / 1000,
  };
  const { kb } = result.site;
  console.log(
    `built ${kb.articles.length} article(s), skipped ${new Set(result.problems.map((p) => p.file)).size}; ` +
      `${kb.entities.length} entities → ${relative(process.cwd(), outDir) || '.'}/ in ${seconds.total.toFixed(1)} s`,
  );
  return { problems: result.problems.length, seconds };
}
