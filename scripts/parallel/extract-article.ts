/**
 * Per-article extraction, the unit that workers run and the cache stores:
 * segment → recognize → quotes → locate (resolution inside the article) for one article. Pure in the article's content and the
 * recognizers' context, so its result can be cached by content hash.
 */
import type { Root, RootContent } from 'mdast';
import { locateMentions, type Located } from '../resolve/locate.ts';
import { extractQuotes, type Quote } from '../quotes/index.ts';
import { recognizeMentions } from '../recognize/index.ts';
import type { Recognizer } from '../recognize/types.ts';
import { segmentArticle } from '../segment/index.ts';
import { storyFeatures, type StoryFeatures } from '../stories/index.ts';
import type { Article, Paragraph } from '../core/types.ts';

/** What later stages need of one article's extraction (the article itself is re-attached). */
export interface ArticleExtraction {
  tree: Root;
  paragraphs: Paragraph[];
  /**
   * The article's mentions located (`locateMentions`). Their `article` is the id of the
   * article extracted: the cache is keyed by content, so an identical article under
   * another name gets this result, and its id must be put back (`extractKnowledge`).
   */
  located: Located[];
  quotes: Quote[];
  /** What story grouping compares of the article's text (`stories/index.ts`). */
  story: StoryFeatures;
  /** Tokens segmented, for throughput figures. */
  tokens: number;
  /**
   * Seconds per stage on this article: CPU time of the thread that ran it, so that
   * load from other processes does not count, and wall time.
   */
  seconds: StageSeconds;
  wallSeconds: StageSeconds;
}

/** Seconds per per-article stage. */
export interface StageSeconds {
  segment: number;
  recognize: number;
  quotes: number;
}

/**
 * CPU seconds of the calling thread (user + system). `process.threadCpuUsage()` (Node
 * ≥ 23.9) counts this worker thread only; `process.cpuUsage()` would count them all.
 */
function threadSeconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/** Source positions are only for error messages; rendering ignores them. */
function dropPositions(node: Root | RootContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}

/** Extracts one article; the result is compact (no tokens, no positions) and cloneable. */
export function extractArticle(article: Article, recognizers: Recognizer[]): ArticleExtraction {
  const w0 = performance.now();
  const t0 = threadSeconds();
  const doc = segmentArticle(article);
  const t1 = threadSeconds();
  const w1 = performance.now();
  const mentions = recognizeMentions(doc, recognizers);
  const t2 = threadSeconds();
  const w2 = performance.now();
  const quotes = extractQuotes(doc, mentions);
  const t3 = threadSeconds();
  const w3 = performance.now();
  let tokens = 0;
  // Tokens served the recognizers; later stages read sentences' bounds only.
  const paragraphs = doc.paragraphs.map((p) => ({
    ...p,
    sentences: p.sentences.map(({ start, end, tokens: list }) => {
      tokens += list.length;
      return { start, end, tokens: [] };
    }),
  }));
  // Resolution inside the article reads the text and the mentions only (not the tokens).
  const located = locateMentions({ doc, mentions });
  dropPositions(doc.tree);
  return {
    tree: doc.tree,
    paragraphs,
    located,
    quotes,
    // The text as story grouping reads it (`gatherKnowledge`): paragraphs, blank-line apart.
    story: storyFeatures(doc.paragraphs.map((p) => p.text).join('\n\n')),
    tokens,
    seconds: { segment: t1 - t0, recognize: t2 - t1, quotes: t3 - t2 },
    wallSeconds: {
      segment: (w1 - w0) / 1000,
      recognize: (w2 - w1) / 1000,
      quotes: (w3 - w2) / 1000,
    },
  };
}
