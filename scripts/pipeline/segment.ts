/**
 * Stage 2, segment: markdown body → paragraphs (the unit of citation, stable ids
 * `p1`, `p2`, … in document order), sentences and tokens with offsets.
 */
import type { Root, Nodes, Paragraph as MdParagraph, Heading } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';
import type { Article, Paragraph, SegmentedArticle } from './types.ts';

const parser = unified().use(remarkParse);

/**
 * The plain text of a paragraph node: text and inline code, a hard break as one space.
 * `renderArticle` walks the same nodes in the same order, so offsets agree.
 */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function kindOf(node: MdParagraph | Heading, ancestors: Nodes[]): Paragraph['kind'] {
  if (node.type === 'heading') return 'heading';
  if (ancestors.some((a) => a.type === 'blockquote')) return 'quote';
  if (ancestors.some((a) => a.type === 'listItem')) return 'list';
  return 'paragraph';
}

/** Segments one article. The markdown tree gets `id`s on its paragraph nodes. */
export function segmentArticle(article: Article): SegmentedArticle {
  const tree = parser.parse(article.body) as Root;
  const paragraphs: Paragraph[] = [];
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const text = plainText(node);
    if (!text.trim()) return 'skip';
    const id = `p${paragraphs.length + 1}`;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    const sentences = splitSentences(text).map((span) => ({
      ...span,
      tokens: tokenize(text.slice(span.start, span.end), span.start),
    }));
    paragraphs.push({ id, kind: kindOf(node, ancestors as Nodes[]), text, sentences });
    return 'skip';
  });
  return { article, tree, paragraphs };
}
