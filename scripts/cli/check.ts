/**
 * `kb check`: what a publisher verifies before uploading `dist/`. Content problems,
 * the data contract (`data/kb.json` against its schema), permanence (every URL in the
 * ledger still resolves, as a page or a redirect to one) and internal links (linkinator
 * over the site served locally). Each check returns readable failures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LinkChecker } from 'linkinator';
import { extractKnowledge } from '../build/prepare.ts';
import { normalizeBase, type Config } from '../core/config.ts';
import { stripBase } from '../core/urls.ts';
import { readLedger } from '../permanence/ledger.ts';
import { readHistory } from '../versions/history.ts';
import { formatProblem } from '../read/index.ts';
import { KnowledgeBaseSchema } from '../core/schema.ts';
import { lookAlikeNames } from '../core/names.ts';
import { serveSite } from './serve.ts';

export interface CheckResult {
  name: string;
  failures: string[];
}

export function checkContent(config: Config): CheckResult {
  return { name: 'content', failures: extractKnowledge(config, true).problems.map(formatProblem) };
}

export function checkDataContract(dist: string): CheckResult {
  const file = join(dist, 'data/kb.json');
  if (!existsSync(file))
    return { name: 'data contract', failures: [`${file} is missing: run "npm run build"`] };
  const parsed = KnowledgeBaseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    name: 'data contract',
    failures: parsed.success
      ? []
      : parsed.error.issues.slice(0, 20).map((i) => `kb.json ${i.path.join('.')}: ${i.message}`),
  };
}

/** Names written with a look-alike letter of another script (`lookAlikeNames`). */
export function checkNames(dist: string): CheckResult {
  const file = join(dist, 'data/kb.json');
  if (!existsSync(file)) return { name: 'names', failures: [] };
  const kb = JSON.parse(readFileSync(file, 'utf8')) as {
    entities: Parameters<typeof lookAlikeNames>[0];
  };
  return { name: 'names', failures: lookAlikeNames(kb.entities) };
}

/** `ledgerFile`'s URLs all resolve in `dist`, a site built for `base` (redirects name `base`). */
export function checkPermanence(dist: string, ledgerFile: string, base = '/'): CheckResult {
  const failures: string[] = [];
  for (const path of Object.keys(readLedger(ledgerFile).urls)) {
    const file = join(dist, path, 'index.html');
    if (!existsSync(file)) {
      failures.push(
        `/${path} was published but the build has no page for it (restore the entity or rebuild: redirects are written by the build)`,
      );
      continue;
    }
    const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(
      readFileSync(file, 'utf8'),
    )?.[1];
    if (target && !existsSync(join(dist, stripBase(target, normalizeBase(base)), 'index.html'))) {
      failures.push(`/${path} redirects to ${target}, which does not exist`);
    }
  }
  return { name: 'permanence', failures };
}

/**
 * Every published version keeps its permanent link: each version the ledger lists is
 * still in the history (its snapshot renders the frozen copy), and each version in the
 * history has a page in the built site (a frozen copy, or a redirect to the live page).
 */
export function checkVersions(dist: string, ledgerFile: string, historyDir: string): CheckResult {
  const failures: string[] = [];
  const history = readHistory(historyDir);
  const where = relative(process.cwd(), historyDir) || historyDir;
  for (const [path, entry] of Object.entries(readLedger(ledgerFile).urls)) {
    const recorded = new Set(history.get(path)?.map((r) => r.version));
    for (const version of entry.versions ?? [])
      if (!recorded.has(version))
        failures.push(
          `/${path}v/${version}/ was published but ${where}/${path.replace(/\/$/, '')}.jsonl no longer records it (restore the history from version control)`,
        );
  }
  for (const [path, records] of history)
    for (const { version } of records)
      if (!existsSync(join(dist, path, 'v', version, 'index.html')))
        failures.push(
          `/${path}v/${version}/ is in the history but the build has no page for it (rebuild)`,
        );
  return { name: 'versions', failures };
}

export async function checkLinks(dist: string, base: string): Promise<CheckResult> {
  const server = await serveSite({ dir: dist, base, port: 0 });
  try {
    const origin = new URL(server.url).origin;
    // A link that gets no answer, or a 5xx, is tried again before it counts as broken.
    const result = await new LinkChecker().check({
      path: server.url,
      recurse: true,
      retryErrors: true,
      retryErrorsCount: 3,
      retryErrorsJitter: 200,
      linksToSkip: (link: string) => Promise.resolve(!link.startsWith(origin)),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN');
    return {
      name: 'links',
      failures: broken.map(
        (l) =>
          `${new URL(l.url).pathname} (linked from ${l.parent ? new URL(l.parent).pathname : '?'}) is broken (${l.status ? `HTTP ${l.status}` : 'no answer'})`,
      ),
    };
  } finally {
    await server.close();
  }
}
