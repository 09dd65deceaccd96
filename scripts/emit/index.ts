/**
 * Stage 6, emit: validates the knowledge base against its schema and writes the data
 * the Astro pages read. One of the two stages that touch the disk. Its files are such
 * that a build of 10,000 articles never holds every page's data at once, and no page
 * reads the whole knowledge base:
 *
 * - `site.json`: the small index every page may use (site, counts, lists, routes, and
 *   each page's place in `pages.jsonl`);
 * - `pages.jsonl`: one line per article view and entity view, read when its page renders;
 * - `kb.json`: the contract (`dist/data/kb.json`), served as it is written;
 * - `names.json`: the names search suggests (`dist/data/names.json`), likewise;
 * - `network.json`: the whole network laid out for `/graph/`;
 * - `permanence.json`: what keeps published URLs alive needs of `kb.json`, written first,
 *   so that the build process writes the redirect pages while the rest is written.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBaseSchema, type KnowledgeBase } from '../core/schema.ts';
import type { SiteData } from '../core/views.ts';
import type { DisambiguationPage } from '../core/views.ts';
import type { ArticleView, EntityLink } from '../core/views.ts';
import { network } from '../graph/network.ts';
import { PERMANENCE_INPUT, permanenceInput } from '../permanence/plan.ts';
import { viewJson } from '../versions/snapshot.ts';
import type { NameEntry } from '../../src/lib/suggest.ts';
import { mentionPageStarts } from '../assemble/mention-pages.ts';
import { TYPE_LABELS } from '../core/urls.ts';

/** Byte offset and length of one page's JSON in `pages.jsonl`. */
export type PageSlice = [offset: number, length: number];

/** `site.json`: everything but the per-page views and the contract's entity details. */
export interface SiteIndex extends Pick<
  SiteData,
  'site' | 'counts' | 'latest' | 'indexes' | 'storyCitations'
> {
  /** Article list entries: the view without its body and entity list. */
  articles: Array<Omit<ArticleView, 'html' | 'entities'> & { page: PageSlice }>;
  /** `mentionStarts`: where each page of its mentions starts, when more than one (`mention-pages.ts`). */
  entities: Array<EntityLink & { page: PageSlice; mentionStarts?: number[] }>;
  /** Names several entities share, each a page listing them. */
  disambiguation: DisambiguationPage[];
  /** Frozen copies of earlier versions of entity pages. */
  archived: Array<{ folder: string; slug: string; version: string; page: PageSlice }>;
  /** The contract's header and article list; entities as links only. */
  kb: Omit<KnowledgeBase, 'entities'> & { entities: EntityLink[] };
}

function validate(kb: KnowledgeBase): void {
  const checked = KnowledgeBaseSchema.safeParse(kb);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(
      `kb.json would break its contract at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
}

/** How much of `pages.jsonl` is gathered before it is written: few writes, little held. */
const CHUNK_BYTES = 4 << 20;

/**
 * Writes each value as a line of `file` (`json`, its JSON when known already); returns
 * where each one is.
 */
function writeLines(
  file: string,
  values: unknown[],
  json: (index: number) => string | undefined = () => undefined,
): PageSlice[] {
  const fd = openSync(file, 'w');
  let offset = 0;
  // Each line encoded once: its length is its place, and its bytes are written as they are.
  let chunk: Buffer[] = [];
  let chunkBytes = 0;
  const flush = () => {
    let buffers = chunk;
    while (buffers.length) {
      let written = writevSync(fd, buffers);
      while (buffers.length && written >= buffers[0]!.length) written -= buffers.shift()!.length;
      if (written) buffers = [buffers[0]!.subarray(written), ...buffers.slice(1)];
    }
    chunk = [];
    chunkBytes = 0;
  };
  try {
    const slices = values.map((value, i): PageSlice => {
      const line = Buffer.from((json(i) ?? JSON.stringify(value)) + '\n');
      chunk.push(line);
      chunkBytes += line.length;
      if (chunkBytes >= CHUNK_BYTES) flush();
      const slice: PageSlice = [offset, line.length - 1];
      offset += line.length;
      return slice;
    });
    flush();
    return slices;
  } finally {
    closeSync(fd);
  }
}

const link = ({ id, name, type, path }: EntityLink): EntityLink => ({ id, name, type, path });

/**
 * Every entity's name, page, type, mention count and other spellings, for the search
 * page's "go to" card and "did you mean" (`src/lib/suggest.ts`): only what they need,
 * one short array per entity, so the file stays small.
 */
function nameEntries(kb: KnowledgeBase): NameEntry[] {
  return kb.entities.map((e) => [
    e.name,
    e.path,
    TYPE_LABELS[e.type].one,
    e.mentions.length,
    ...e.aliases.filter((a) => a !== e.name),
  ]);
}

/**
 * Writes the page data; throws with the failing path if the data breaks the contract.
 * `permanenceWritten` is called once `permanence.json` is, before the rest.
 */
export function emitSiteData(
  dataDir: string,
  data: SiteData,
  permanenceWritten?: () => void,
): string {
  validate(data.kb);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, PERMANENCE_INPUT), JSON.stringify(permanenceInput(data.kb)));
  permanenceWritten?.();
  // As it is published: the `kb.json` route serves these bytes as they are. Without
  // indentation, which at 10,000 articles would add a third (55 MB instead of 42) to a
  // download that tools read, not people, and half a second to every build.
  writeFileSync(join(dataDir, 'kb.json'), JSON.stringify(data.kb));
  writeFileSync(join(dataDir, 'names.json'), JSON.stringify(nameEntries(data.kb)));
  writeFileSync(join(dataDir, 'network.json'), JSON.stringify(network(data.kb)));
  const archived = data.archived ?? [];
  // An entity view is its snapshot and its version, citation and hatnote, when the base
  // is `/` (snapshots are stored without it): not made into JSON a second time.
  const snapshots = data.site.base === '/' ? data.snapshots : undefined;
  const first = data.articles.length;
  const slices = writeLines(
    join(dataDir, 'pages.jsonl'),
    [...data.articles, ...data.entities, ...archived.map((a) => a.view)],
    (i) => {
      const snapshot = snapshots?.[i - first];
      return snapshot === undefined ? undefined : viewJson(data.entities[i - first]!, snapshot);
    },
  );
  const index: SiteIndex = {
    site: data.site,
    counts: data.counts,
    latest: data.latest,
    indexes: data.indexes,
    articles: data.articles.map(({ html: _html, entities: _entities, ...article }, i) => ({
      ...article,
      page: slices[i]!,
    })),
    entities: data.entities.map((entity, i) => {
      const mentionStarts = mentionPageStarts(entity.stories ?? []);
      return {
        ...link(entity),
        page: slices[data.articles.length + i]!,
        ...(mentionStarts.length > 1 ? { mentionStarts } : {}),
      };
    }),
    disambiguation: data.disambiguation ?? [],
    storyCitations: data.storyCitations,
    archived: archived.map(({ folder, slug, version }, i) => ({
      folder,
      slug,
      version,
      page: slices[data.articles.length + data.entities.length + i]!,
    })),
    kb: { ...data.kb, entities: data.kb.entities.map(link) },
  };
  const file = join(dataDir, 'site.json');
  writeFileSync(file, JSON.stringify(index));
  return file;
}
