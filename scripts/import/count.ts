/** Counting paragraphs the way the pipeline's segment stage will. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse);

/**
 * The number of non-empty markdown paragraphs in a body, including those inside quotes
 * and list items (each becomes a citable `p<n>`); headings are not counted.
 */
export function countParagraphs(body: string): number {
  let count = 0;
  visit(parser.parse(body) as Root, 'paragraph', (node) => {
    if (toString(node).trim()) count += 1;
  });
  return count;
}
