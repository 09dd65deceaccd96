/**
 * The typed values that flow between pipeline stages
 * (read → segment → recognize → resolve → relate → emit).
 */
import type { Root } from 'mdast';
import type { ArticleId, EntityId } from './ids.ts';
import type { ArticleFrontMatter, CuratedEntity, EntityType } from './schema.ts';

/** One article as read from disk and validated. */
export interface Article {
  id: ArticleId;
  slug: string;
  /** Path relative to the project root, for messages. */
  file: string;
  meta: ArticleFrontMatter;
  /** Markdown body, front matter removed. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** sha256 of the whole file, for the extraction cache. */
  hash: string;
}

/** A problem with one input file; the rest of the site still builds. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
  /** A warning: the file was still built (something in it was cleaned up or left out). */
  kept?: boolean;
}

/** A span of text: JavaScript string offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** Tokens of this sentence, offsets relative to the paragraph. */
  tokens: Token[];
}

/** The unit of citation: a paragraph (or heading) with a stable id `p1`, `p2`, … */
export interface Paragraph {
  id: string;
  kind: 'paragraph' | 'heading' | 'quote' | 'list';
  /** Plain text: the concatenated text of the markdown node. */
  text: string;
  sentences: Sentence[];
}

export interface SegmentedArticle {
  article: Article;
  /** The parsed markdown, kept so that emit can render it with mention links. */
  tree: Root;
  paragraphs: Paragraph[];
  /** What story grouping compares of its text, worked out with its extraction. */
  story?: StoryFeatures;
}

/** Something a recognizer found: a typed span in one paragraph. */
export interface Mention extends Span {
  paragraph: string;
  text: string;
  type: EntityType;
  /** Confidence in [0, 1]. */
  score: number;
  /** Name of the recognizer that produced it. */
  source: string;
  /** The canonical name, when the recognizer knows it (a gazetteer alias). */
  canonical?: string;
}

export interface ArticleMentions {
  article: ArticleId;
  mentions: Mention[];
}

/** An entity after resolution, with every mention that refers to it. */
export interface Entity {
  id: EntityId;
  type: EntityType;
  slug: string;
  name: string;
  aliases: string[];
  curated?: CuratedEntity & { summary: string };
  mentions: Array<Mention & { article: ArticleId }>;
}

/**
 * What grouping compares of one article's text, which depends on that text alone: so
 * extraction works it out on its worker threads and caches it with the article.
 */
export interface StoryFeatures {
  /** The normalized body's hash and length: equal for exact duplicates. */
  body: string;
  /** Whether the body has any word. */
  empty: boolean;
  /** MinHash signature of its word 3-shingles. */
  signature: Uint32Array;
  /** The signature's LSH band keys (`bandKeys`): texts sharing one are compared. */
  bands: string[];
  /** Its content words, each once. */
  words: string[];
}
