/**
 * The paragraph a mention stands in. Segmentation numbers paragraphs in order (`p1` is
 * the first), so the id is the index: no scan per mention on the build's hot path.
 */
import type { Paragraph } from './types.ts';

export function paragraphOf(doc: { paragraphs: readonly Paragraph[] }, id: string): Paragraph {
  const paragraph = doc.paragraphs[Number(id.slice(1)) - 1];
  if (!paragraph || paragraph.id !== id) throw new Error(`no paragraph ${id} in this article`);
  return paragraph;
}
