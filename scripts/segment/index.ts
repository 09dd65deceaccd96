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
import type { Article, Paragraph, SegmentedArticle } from '../core/types.ts';

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

/**
 * Segments plain text (not markdown): paragraphs are separated by blank lines and, with
 * `linesAreSentences`, every line is its own sentence (the CoNLL and PolNeAR layout).
 * Returns each paragraph's offset in `text`, so spans map back exactly.
 */
export function segmentPlainText(
  article: Article,
  options: { linesAreSentences?: boolean } = {},
): SegmentedArticle & { offsets: Map<string, number> } {
  const paragraphs: Paragraph[] = [];
  const offsets = new Map<string, number>();
  const tree: Root = { type: 'root', children: [] };
  for (const match of article.body.matchAll(/[^\n]+(?:\n[^\S\n]*\S[^\n]*)*/g)) {
    const text = match[0];
    if (!text.trim()) continue;
    const id = `p${paragraphs.length + 1}`;
    const lines = options.linesAreSentences
      ? [...text.matchAll(/[^\n]+/g)].map((line) => ({
          start: line.index,
          end: line.index + line[0].length,
        }))
      : [{ start: 0, end: text.length }];
    const sentences = lines.flatMap((line) =>
      splitSentences(text.slice(line.start, line.end)).map((span) => ({
        start: line.start + span.start,
        end: line.start + span.end,
        tokens: tokenize(
          text.slice(line.start + span.start, line.start + span.end),
          line.start + span.start,
        ),
      })),
    );
    paragraphs.push({ id, kind: 'paragraph', text, sentences });
    offsets.set(id, match.index);
    tree.children.push({
      type: 'paragraph',
      data: { hProperties: { id } },
      children: [{ type: 'text', value: text }],
    });
  }
  return { article, tree, paragraphs, offsets };
}
