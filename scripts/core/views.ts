/**
 * Page data: the shapes that assembly produces and that citation, versions,
 * disambiguation and the Astro pages read. One module of types, below every stage that
 * shares them, so that no stage imports a later one for a type (issue 21).
 */
import type { MentionContext } from './context.ts';
import type { EntityType, KnowledgeBase } from './schema.ts';

/** A download format of the cite box, by file extension (`citation/format-item.ts`). */
export type DownloadExt = 'bib' | 'ris' | 'json';

export interface ArticleRef {
  id: string;
  title: string;
  publisher?: string;
  authors: string[];
  date?: string;
  url?: string;
  path: string;
}

export interface EntityLink {
  id: string;
  name: string;
  type: EntityType;
  path: string;
}

/** Fact box, summary from the sources and mentions by story come from `knowledgeView`. */
export interface EntityView extends EntityLink, Partial<KnowledgeView> {
  /** The cite box, formatted before rendering (`citation/prepare.ts`). */
  citation?: FormattedItem;
  typeLabel: string;
  aliases: string[];
  description?: string;
  summary?: string;
  sameAs: string[];
  mentionCount: number;
  /** Mentions grouped by article, in article order. */
  groups: Array<{
    article: ArticleRef;
    mentions: Array<MentionContext & { paragraph: string; href: string }>;
  }>;
  /** `relation`: how a role links them ("CEO of"), when the text says. */
  related: Array<
    EntityLink & { weight: number; paragraphs: number; articles: number; relation?: string }
  >;
  /** Articles the page rests on, numbered in order of first use. */
  sources: ArticleRef[];
  /** Direct quotes attributed to this entity, in article order. */
  quotes: QuoteView[];
  /** This page's version and history (`scripts/versions/`), added after assembly. */
  version?: VersionInfo;
  /** Set when other entities share its name (`scripts/disambiguation.ts`). */
  disambiguation?: Hatnote;
}

export interface QuoteView {
  text: string;
  paragraph: string;
  href: string;
  article: ArticleRef;
}

export interface ArticleView extends ArticleRef {
  /** The cite box, formatted before rendering (`citation/prepare.ts`). */
  citation?: FormattedItem;
  language: string;
  note?: string;
  /** Rendered body with mention links and paragraph anchors. */
  html: string;
  paragraphs: number;
  /** Entities named in the article, most mentioned first. */
  entities: Array<EntityLink & { count: number }>;
  /** The story it is a version of. */
  story?: { id: string; title: string; path: string; versions: number };
  /** The article whose text it repeats exactly. */
  duplicateOf?: ArticleRef;
}

export interface IndexEntry extends EntityLink {
  mentions: number;
  articles: number;
}

/** Where a fact or summary is said, as a link to its paragraph. */
export interface SourceLink {
  article: ArticleRef;
  paragraph: string;
  href: string;
  /** The words that say it. */
  text: string;
}

/** One line of the fact box: "CEO of Cloudflare", with every place it is said. */
export interface FactView {
  /** First letter capitalized for the box: "CEO", "Founder", "Representative (R-Ga.)". */
  role: string;
  /** "of" or "at", between the role and what it is held at. */
  connector: 'of' | 'at';
  of?: EntityLink;
  sources: SourceLink[];
}

export interface KnowledgeView {
  facts: FactView[];
  /** The defining sentence from the sources (curated summaries are `summary`). */
  sourceSummary?: SourceLink;
  /** Mentions grouped by story: a story counts once. */
  stories: StoryGroupView[];
}

/** A sentence of another version, the entity highlighted when it is named there. */
export interface AlignedView extends MentionContext {
  paragraph: string;
  href: string;
}

export interface StoryMention extends MentionContext {
  paragraph: string;
  href: string;
  /** The same statement in each other version, where worded differently. */
  others: Array<{ article: ArticleRef; sentences: AlignedView[] }>;
}

export interface StoryGroupView {
  /** Absent for an article that is not part of a story. */
  story?: { id: string; title: string; path: string; versions: number };
  versions: Array<{ article: ArticleRef; mentions: StoryMention[] }>;
}

export interface FormattedItem {
  /** One entry per style of `STYLES`, as HTML, with the sentinel access date. */
  styles: string[];
  /** BibTeX and RIS as plain text, with the sentinel access date. */
  bibtex: string;
  ris: string;
  /** The downloads' text by extension. */
  downloads: Record<DownloadExt, string>;
}

/** One version, as the page lists it. */
export interface VersionLink {
  id: string;
  /** The day it first appeared (YYYY-MM-DD). */
  date: string;
  permalink: string;
}

/** What the version line and history of an entity page show. */
export interface VersionInfo extends VersionLink {
  /** The live page of this entity (or what a gone page's address now shows). */
  page: string;
  /** True on a frozen copy: a later version replaced it, or the page is gone. */
  archived?: boolean;
  /** Every version of the page, newest first. */
  history: VersionLink[];
}

/** A frozen copy to render: a stored view of an earlier version. */
export interface ArchivedPage {
  /** Path parts of the permalink: `/<folder>/<slug>/v/<version>/`. */
  folder: string;
  slug: string;
  version: string;
  view: EntityView;
}

export interface DisambiguationEntry {
  id: string;
  name: string;
  type: EntityType;
  typeLabel: string;
  path: string;
  /** What it is, in a line: curated description, a role, or its defining sentence. */
  line?: string;
  mentions: number;
  /** Its first few sources, and how many it has in all. */
  sources: ArticleRef[];
  sourceCount: number;
}

export interface DisambiguationPage {
  slug: string;
  name: string;
  path: string;
  /** Most mentioned first. */
  entries: DisambiguationEntry[];
}

/** The hatnote of an entity page whose name others share. */
export interface Hatnote {
  name: string;
  path: string;
  /** How many other entities share the name. */
  others: number;
}

export interface SiteData {
  site: { title: string; publisher: string; base: string; url?: string; generated?: string };
  kb: KnowledgeBase;
  counts: Record<EntityType, number>;
  latest: ArticleRef[];
  articles: ArticleView[];
  entities: EntityView[];
  indexes: Record<EntityType, IndexEntry[]>;
  /** Frozen copies of earlier versions (`scripts/versions/`), added after assembly. */
  archived?: ArchivedPage[];
  /**
   * Each entity view's snapshot (`recordVersions`), in the order of `entities`, added
   * with its version: `pages.jsonl` writes a view from it when nothing else changes it.
   */
  snapshots?: string[];
  /** Story pages' cite boxes by story id, formatted before rendering. */
  storyCitations?: Record<string, FormattedItem>;
  /** Names several entities share (`scripts/disambiguation.ts`), added after assembly. */
  disambiguation?: DisambiguationPage[];
}
