/** Small helpers shared by recognizers: building mentions from token ranges. */
import type { EntityType } from '../core/schema.ts';
import type { Mention, Paragraph, Token } from '../core/types.ts';

/** A mention covering tokens `[from, to)` of a sentence in `paragraph`. */
export function mentionOf(
  paragraph: Paragraph,
  tokens: Token[],
  from: number,
  to: number,
  type: EntityType,
  score: number,
  source: string,
): Mention {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return {
    paragraph: paragraph.id,
    start,
    end,
    text: paragraph.text.slice(start, end),
    type,
    score,
    source,
  };
}

/** Lowercased token text, with curly apostrophes straightened. */
export function lower(token: Token | undefined): string {
  return token ? token.text.toLowerCase().replace(/’/g, "'") : '';
}
