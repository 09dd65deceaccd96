/**
 * Renders an article's markdown to HTML with every resolved mention linked to its
 * entity page (`remarkMentionLinks`), paragraph ids as anchors, and nothing unsafe:
 * raw HTML becomes text, images become their alt text (no outside requests), and
 * links keep only http(s), mailto and relative URLs.
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { visitParents } from 'unist-util-visit-parents';
import type { Span } from '../core/types.ts';

export interface LinkedSpan extends Span {
  href: string;
  /** Entity id, for styling and tests (`data-entity`). */
  entity: string;
}

/** True for URLs a reader can safely follow. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  return (
    /^(?:https?:|mailto:)/i.test(trimmed) ||
    (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//'))
  );
}

/** Replaces raw HTML, images and unsafe links with plain text, in place. */
function neutralize(tree: Root): void {
  visitParents(tree, (node, ancestors) => {
    const parent = ancestors.at(-1) as Parents | undefined;
    if (!parent) return;
    const index = (parent.children as Nodes[]).indexOf(node);
    if (node.type === 'html') {
      (parent.children as Nodes[])[index] = { type: 'text', value: node.value };
    } else if (node.type === 'image' || node.type === 'imageReference') {
      (parent.children as Nodes[])[index] = { type: 'text', value: node.alt ?? '' };
    } else if (node.type === 'link' && !isSafeUrl(node.url)) {
      (parent.children as Nodes[]).splice(index, 1, ...node.children);
      return index;
    } else if (node.type === 'definition' && !isSafeUrl(node.url)) {
      node.url = '#';
    }
    return undefined;
  });
}

/** Splits text nodes of paragraph `node` so each mention span becomes a link. */
function linkMentions(node: Parents, spans: LinkedSpan[]): void {
  let offset = 0;
  const walk = (parent: Parents, insideLink: boolean) => {
    const out: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') {
        out.push(...splitText(child.value, offset, insideLink ? [] : spans));
        offset += child.value.length;
      } else if (child.type === 'inlineCode') {
        offset += child.value.length;
        out.push(child);
      } else if (child.type === 'break') {
        offset += 1;
        out.push(child);
      } else {
        if ('children' in child)
          walk(child, insideLink || child.type === 'link' || child.type === 'linkReference');
        out.push(child);
      }
    }
    (parent as { children: Nodes[] }).children = out;
  };
  walk(node, false);
}

function splitText(value: string, offset: number, spans: LinkedSpan[]): PhrasingContent[] {
  const inside = spans.filter((s) => s.start >= offset && s.end <= offset + value.length);
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const span of inside) {
    const start = span.start - offset;
    const end = span.end - offset;
    if (start < at) continue;
    if (start > at) out.push({ type: 'text', value: value.slice(at, start) });
    out.push({
      type: 'link',
      url: span.href,
      children: [{ type: 'text', value: value.slice(start, end) }],
      data: { hProperties: { className: ['mention'], dataEntity: span.entity } },
    });
    at = end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/**
 * HTML for an article body. `spans` maps paragraph id → linked spans (offsets into
 * that paragraph's plain text, as produced by `segmentArticle`).
 */
export function renderArticle(tree: Root, spans: Map<string, LinkedSpan[]>): string {
  return renderArticleTree(structuredClone(tree), spans);
}

/** `renderArticle` on a tree of the caller's own, which it changes (a worker's copy). */
export function renderArticleTree(tree: Root, spans: Map<string, LinkedSpan[]>): string {
  neutralize(tree);
  visitParents(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const id = node.data?.hProperties?.id;
    const list = typeof id === 'string' ? spans.get(id) : undefined;
    if (list?.length)
      linkMentions(
        node,
        [...list].sort((a, b) => a.start - b.start),
      );
    return 'skip';
  });
  return toHtml(toHast(tree));
}
