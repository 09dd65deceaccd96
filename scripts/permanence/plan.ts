/**
 * Plans the pages that keep published URLs alive: alias paths redirect to their entity
 * (`/people/keffals/` → Clara Sorrenti); a published path whose entity was renamed or
 * merged redirects to its successor (found by name or alias); one with no successor gets
 * a page saying what became of it, with its sources; one whose name several entities now
 * share redirects to their disambiguation page. Pure: `astro/permanence.ts` writes the files.
 */
import { stripBase } from '../core/urls.ts';
import { slugify } from '../core/ids.ts';
import { squashedKey } from '../resolve/name-keys.ts';
import type { KbArticle, KbEntity, KnowledgeBase } from '../core/schema.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';

export type PlannedPage =
  | {
      kind: 'redirect';
      path: string;
      name: string;
      target: string;
      targetName: string;
      /** Set on the permanent link of a page's current version: it leads to the page. */
      version?: string;
    }
  | { kind: 'gone'; path: string; entry: LedgerEntry };

const MAX_SOURCES = 12;

export interface Plan {
  pages: PlannedPage[];
  ledger: Ledger;
}

/** The file of the data folder that holds `permanenceInput` (`emit/index.ts`). */
export const PERMANENCE_INPUT = 'permanence.json';

/**
 * What planning reads of the knowledge base: `kb.json` itself, or the small copy
 * `permanenceInput` makes (each entity's first `MAX_SOURCES` articles as its mentions),
 * which a build reads while the rest of its data is still being written.
 */
export interface PermanenceInput {
  site: Pick<KnowledgeBase['site'], 'base'>;
  articles: Array<Pick<KbArticle, 'id' | 'title' | 'path'>>;
  entities: Array<
    Pick<KbEntity, 'id' | 'name' | 'type' | 'path' | 'aliases' | 'version'> & {
      mentions: Array<{ article: string }>;
    }
  >;
  disambiguation?: KnowledgeBase['disambiguation'];
  /** Story pages: their URLs join the ledger like the articles'. */
  stories?: Array<{ id: string; title: string; path: string; articles: string[] }>;
}

/** The part of `kb` that `planPermanence` reads, planned the same. */
export function permanenceInput(kb: KnowledgeBase): PermanenceInput {
  return {
    site: { base: kb.site.base },
    articles: kb.articles.map(({ id, title, path }) => ({ id, title, path })),
    entities: kb.entities.map(({ id, name, type, path, aliases, version, mentions }) => ({
      id,
      name,
      type,
      path,
      aliases,
      version,
      mentions: [...new Set(mentions.map((m) => m.article))]
        .slice(0, MAX_SOURCES)
        .map((article) => ({ article })),
    })),
    disambiguation: kb.disambiguation,
    stories: kb.stories?.map(({ id, title, path, articles }) => ({ id, title, path, articles })),
  };
}

/** What a published path no longer live leads to: its successor's page, else a page saying it is gone. */
function leadOn(
  path: string,
  entry: LedgerEntry,
  successor: { path: string; name: string } | undefined,
): PlannedPage {
  return successor
    ? {
        kind: 'redirect',
        path,
        name: entry.name,
        target: successor.path,
        targetName: successor.name,
      }
    : { kind: 'gone', path, entry };
}

/** Ledger types of the pages that are not entities: articles and stories. */
const ARTICLE = 'article';
const STORY = 'story';

/**
 * Article and story pages as the ledger records them, and what a removed one leads to:
 * a live page of the same kind with the same title (a renamed file, a regrouped story),
 * else a page saying it is gone, listing its articles.
 */
function planPages(
  kind: typeof ARTICLE | typeof STORY,
  live: Array<{ id: string; title: string; path: string; articles?: string[] }>,
  base: string,
  ledger: Ledger,
  urls: Ledger['urls'],
  pages: Map<string, PlannedPage>,
  titles: Map<string, string>,
): void {
  const byPath = new Map(live.map((p) => [stripBase(p.path, base), p]));
  const byTitle = new Map<string, (typeof live)[number]>();
  for (const p of live) if (!byTitle.has(p.title)) byTitle.set(p.title, p);
  for (const [path, p] of byPath)
    urls[path] = {
      id: `${kind}/${p.id}`,
      name: p.title,
      type: kind,
      articles: (p.articles ?? [])
        .slice(0, MAX_SOURCES)
        .map((id) => ({ id, title: titles.get(id) ?? id })),
    };
  for (const [path, entry] of Object.entries(ledger.urls)) {
    if (entry.type !== kind || byPath.has(path) || pages.has(path)) continue;
    const successor = byTitle.get(entry.name);
    pages.set(
      path,
      leadOn(path, entry, successor && { path: successor.path, name: successor.title }),
    );
  }
}

export function planPermanence(kb: PermanenceInput, ledger: Ledger): Plan {
  const base = kb.site.base;
  const titles = new Map(kb.articles.map((a) => [a.id, a.title]));
  const live = new Map(kb.entities.map((e) => [stripBase(e.path, base), e]));
  const byKey = new Map<string, (typeof kb.entities)[number]>();
  for (const e of kb.entities)
    for (const name of [e.name, ...e.aliases])
      if (!byKey.has(`${e.type}:${squashedKey(name)}`))
        byKey.set(`${e.type}:${squashedKey(name)}`, e);
  const pages = new Map<string, PlannedPage>();
  const urls: Ledger['urls'] = { ...ledger.urls };

  for (const [path, e] of live) {
    const articles = [...new Set(e.mentions.map((m) => m.article))]
      .slice(0, MAX_SOURCES)
      .map((id) => ({ id, title: titles.get(id) ?? id }));
    const versions = [
      ...new Set([...(urls[path]?.versions ?? []), ...(e.version ? [e.version] : [])]),
    ];
    urls[path] = {
      id: e.id,
      name: e.name,
      type: e.type,
      articles,
      ...(versions.length ? { versions } : {}),
    };
    // The current version's permanent link is the page itself, until a later version
    // replaces it and the build renders a frozen copy there instead.
    if (e.version) {
      const versionPath = `${path}v/${e.version}/`;
      pages.set(versionPath, {
        kind: 'redirect',
        path: versionPath,
        name: e.name,
        target: e.path,
        targetName: e.name,
        version: e.version,
      });
    }
    for (const alias of e.aliases) {
      const aliasPath = `${path.split('/')[0]}/${slugify(alias)}/`;
      if (live.has(aliasPath) || pages.has(aliasPath)) continue;
      pages.set(aliasPath, {
        kind: 'redirect',
        path: aliasPath,
        name: alias,
        target: e.path,
        targetName: e.name,
      });
      urls[aliasPath] = { id: e.id, name: alias, type: e.type, alias: true, articles: [] };
    }
  }
  planPages(ARTICLE, kb.articles, base, ledger, urls, pages, titles);
  planPages(STORY, kb.stories ?? [], base, ledger, urls, pages, titles);
  // A name several entities now share: its disambiguation page, not one of them.
  const namesakes = new Map((kb.disambiguation ?? []).map((d) => [slugify(d.name), d]));
  for (const [path, entry] of Object.entries(ledger.urls)) {
    if (live.has(path) || pages.has(path) || entry.type === ARTICLE || entry.type === STORY)
      continue;
    const shared = entry.alias ? undefined : namesakes.get(slugify(entry.name));
    if (shared) {
      pages.set(path, {
        kind: 'redirect',
        path,
        name: entry.name,
        target: shared.path,
        targetName: `${shared.name} (disambiguation)`,
      });
      continue;
    }
    const successor =
      byKey.get(`${entry.type}:${squashedKey(entry.name)}`) ??
      kb.entities.find((e) => e.id === entry.id);
    pages.set(path, leadOn(path, entry, successor));
  }
  return {
    pages: [...pages.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    ledger: { schema: 1, urls },
  };
}
