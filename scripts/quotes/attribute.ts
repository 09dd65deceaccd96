/**
 * Gives each resolved entity the quotes whose speaker mention resolved to it, so a quote
 * attributed to "Prince" lands on Matthew Prince's page.
 */
import type { Quote } from './index.ts';
import type { Entity } from '../core/types.ts';
import { appendTo } from '../core/collections.ts';

export interface ArticleQuote {
  article: string;
  quote: Quote;
}

const mentionKey = (article: string, paragraph: string, start: number) =>
  `${article}#${paragraph}@${start}`;

/** Quotes per entity id, in the order given (article order, then text order). */
export function quotesByEntity(
  entities: Entity[],
  quotes: ArticleQuote[],
): Map<string, ArticleQuote[]> {
  const owner = new Map<string, string>();
  for (const e of entities)
    for (const m of e.mentions) owner.set(mentionKey(m.article, m.paragraph, m.start), e.id);
  const result = new Map<string, ArticleQuote[]>();
  for (const item of quotes) {
    const speaker = item.quote.speaker;
    if (!speaker) continue;
    const id = owner.get(mentionKey(item.article, speaker.paragraph, speaker.start));
    if (!id) continue;
    appendTo(result, id, item);
  }
  return result;
}
