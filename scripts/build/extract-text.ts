/**
 * Extraction on plain text, outside a site build: the engine of `kb extract --jsonl`
 * (DESIGN.md's line format) and of `kb eval`. Runs the same recognizers and resolver
 * as the build, on one text at a time.
 */
import { articleId } from '../core/ids.ts';
import type { CuratedEntry } from '../read/index.ts';
import { createRecognizers, recognizeMentions } from '../recognize/index.ts';
import type { Recognizer } from '../recognize/types.ts';
import { resolveEntities } from '../resolve/index.ts';
import { segmentPlainText } from '../segment/index.ts';
import { quotesByEntity } from '../quotes/attribute.ts';
import { extractQuotes } from '../quotes/index.ts';
import type { EntityType } from '../core/schema.ts';

export interface ExtractedEntity {
  name: string;
  type: EntityType;
  score: number;
  mentions: Array<{ start: number; end: number; text: string }>;
}

export interface ExtractedQuote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface Extraction {
  id: string;
  entities: ExtractedEntity[];
  quotes: ExtractedQuote[];
}

export interface Extractor {
  extract(id: string, text: string): Extraction;
}

export interface ExtractorOptions {
  curated?: CuratedEntry[];
  /** Treat every line as a sentence (CoNLL layout). */
  linesAreSentences?: boolean;
  recognizers?: Recognizer[];
}

/** An extractor with recognizers created once. */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const curated = options.curated ?? [];
  const recognizers = options.recognizers ?? createRecognizers({ curated });
  return {
    extract(id, text) {
      const article = {
        id: articleId(id),
        slug: id,
        file: id,
        meta: { title: id, authors: [], language: 'en' },
        body: text,
        bodyLine: 1,
        hash: id,
      };
      const doc = segmentPlainText(article, { linesAreSentences: options.linesAreSentences });
      const mentions = recognizeMentions(doc, recognizers);
      const { entities, review } = resolveEntities([{ doc, mentions }], curated, { threshold: 0 });
      const all = [...entities, ...review];
      const quotes = extractQuotes(doc, mentions);
      const speakers = new Map<string, string>();
      for (const [entityId, list] of quotesByEntity(
        all,
        quotes.map((quote) => ({ article: id, quote })),
      )) {
        const name = all.find((e) => e.id === entityId)!.name;
        for (const { quote } of list) speakers.set(`${quote.paragraph}@${quote.start}`, name);
      }
      return {
        id,
        entities: all.map((e) => ({
          name: e.name,
          type: e.type,
          score: Math.round(e.score * 1000) / 1000,
          mentions: e.mentions
            .map((m) => ({
              start: doc.offsets.get(m.paragraph)! + m.start,
              end: doc.offsets.get(m.paragraph)! + m.end,
              text: m.text,
            }))
            .sort((a, b) => a.start - b.start),
        })),
        quotes: quotes.map((q) => {
          const offset = doc.offsets.get(q.paragraph)!;
          return {
            start: offset + q.start,
            end: offset + q.end,
            text: q.text,
            speaker: speakers.get(`${q.paragraph}@${q.start}`) ?? null,
          };
        }),
      };
    },
  };
}
