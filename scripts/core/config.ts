/**
 * Site configuration: `dossier.config.json` at the project root, overridden by the
 * environment (`KB_SITE`, `KB_BASE`, `KB_TITLE`, `SOURCE_DATE_EPOCH`), per DESIGN.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';

/** The project root (the folder holding `content/`, `src/`, `scripts/`). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ConfigFileSchema = z.object({
  /** Absolute origin of the hosted site, e.g. `https://example.org`. */
  site: z.url().optional(),
  /** Sub-path the site is served under, e.g. `/kb/`. */
  base: z.string().optional(),
  /** The site's name, used in titles and citations. */
  title: z.string().min(1).optional(),
  /** Who publishes this knowledge base (citations, `DC.publisher`). */
  publisher: z.string().min(1).optional(),
  /** Folder holding `articles/` and `entities/`, relative to the root. */
  content: z.string().optional(),
});

export interface Config {
  /** The project root: messages name files relative to it. */
  root: string;
  site?: string;
  /** Always starts and ends with `/`. */
  base: string;
  title: string;
  publisher: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The ledger of published URLs (default `<content>/published.json`). */
  ledgerFile: string;
  /**
   * Frozen copies of every version of every entity page (`KB_HISTORY`, default
   * `history/` beside the ledger, so a test that moves the ledger moves the history too).
   */
  historyDir: string;
  /** Seconds since the epoch, when builds must be reproducible. */
  sourceDateEpoch?: number;
}

/** Makes `kb`, `/kb`, `kb/` and `/kb/` all mean `/kb/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function readConfigFile(root: string): z.infer<typeof ConfigFileSchema> {
  const file = `${root}/dossier.config.json`;
  if (!existsSync(file)) return {};
  const parsed = ConfigFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`dossier.config.json: "${issue?.path.join('.')}" ${issue?.message}`);
  }
  return parsed.data;
}

/** Reads the configuration; environment variables win over the file. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = ROOT): Config {
  const file = readConfigFile(root);
  const site = (env.KB_SITE || file.site)?.replace(/\/+$/, '');
  if (site && !/^https?:\/\/[^/]+$/.test(site)) {
    throw new Error(`KB_SITE must be an absolute origin like https://example.org (got "${site}")`);
  }
  const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : undefined;
  if (epoch !== undefined && !Number.isInteger(epoch)) {
    throw new Error(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${env.SOURCE_DATE_EPOCH}")`,
    );
  }
  const ledgerFile = resolve(
    root,
    env.KB_LEDGER || join(env.KB_CONTENT || file.content || 'content', 'published.json'),
  );
  return {
    root,
    site,
    base: normalizeBase(env.KB_BASE ?? file.base),
    title: env.KB_TITLE || file.title || 'Dossier',
    publisher: file.publisher || env.KB_TITLE || file.title || 'Dossier',
    contentDir: resolve(root, env.KB_CONTENT || file.content || 'content'),
    ledgerFile,
    historyDir: env.KB_HISTORY
      ? resolve(root, env.KB_HISTORY)
      : join(dirname(ledgerFile), 'history'),
    sourceDateEpoch: epoch,
  };
}
