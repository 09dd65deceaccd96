/**
 * Readability's article HTML → markdown blocks. Keeps what the knowledge base cites
 * (paragraphs, headings, quotes, lists, http(s) links); everything else becomes plain
 * text, and embedded media, scripts and forms are dropped.
 */
import { escapeBlockStart, escapeInline } from './escape.ts';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never article text. (Not `form`: some sites wrap the whole page in one.) */
const SKIPPED = new Set(
  `script style noscript template svg math iframe object embed canvas video audio
   img picture source button input select textarea nav hr`.split(/\s+/),
);
/** Phrasing elements: their text flows into the surrounding paragraph. */
const INLINE = new Set(
  `a abbr b bdi bdo br cite code data del dfn em font i ins kbd label mark q s samp
   small span strong sub sup time tt u var wbr td th`.split(/\s+/),
);

/** An http(s) link target, absolute, with the characters that end a markdown link encoded. */
function linkTarget(element: Element): string | null {
  try {
    const href = element.getAttribute('href');
    if (!href) return null;
    const url = new URL(href, element.ownerDocument.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return null;
  }
}

/** The markdown of phrasing content: escaped text and links, whitespace not yet collapsed. */
function inlineOf(node: Node): string {
  if (node.nodeType === TEXT_NODE) return escapeInline(node.textContent ?? '');
  if (node.nodeType !== ELEMENT_NODE) return '';
  const element = node as Element;
  const tag = element.localName;
  if (SKIPPED.has(tag)) return '';
  if (tag === 'br') return ' ';
  const text = Array.from(element.childNodes, inlineOf).join('');
  // Table cells run together otherwise.
  if (tag === 'td' || tag === 'th') return `${text} `;
  if (tag !== 'a') return INLINE.has(tag) ? text : ` ${text} `;
  const target = linkTarget(element);
  const label = text.replace(/\s+/g, ' ').trim();
  return target && label ? `[${label}](${target})` : text;
}

/** Prefixes every line of a block, e.g. `> ` for a quote or indentation in a list item. */
function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((line, i) => (i === 0 ? first : line ? rest : rest.trimEnd()) + line)
    .join('\n');
}

/** A list: one item per line, an item's later blocks indented under its marker. */
function listOf(list: Element): string {
  const ordered = list.localName === 'ol';
  let number = Number(list.getAttribute('start') ?? 1) || 1;
  const items: string[] = [];
  for (const item of Array.from(list.children)) {
    const blocks = blocksOf(item);
    if (blocks.length === 0) continue;
    const marker = ordered ? `${number++}. ` : '- ';
    const indent = ' '.repeat(marker.length);
    items.push(prefixLines(blocks.join('\n\n'), marker, indent));
  }
  return items.join('\n');
}

/** The block for one block-level element, or the blocks of a container. */
function blocksOfElement(element: Element): string[] {
  const tag = element.localName;
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const text = inlineOf(element).replace(/\s+/g, ' ').trim();
    return text ? [`${'#'.repeat(Number(heading[1]))} ${text}`] : [];
  }
  if (tag === 'blockquote') {
    const inner = blocksOf(element).join('\n\n');
    return inner ? [prefixLines(inner, '> ', '> ')] : [];
  }
  if (tag === 'ul' || tag === 'ol') {
    const list = listOf(element);
    return list ? [list] : [];
  }
  return blocksOf(element);
}

/**
 * The markdown blocks of a container. Runs of phrasing content become paragraphs;
 * block children contribute their own blocks, in document order.
 */
function blocksOf(container: Element): string[] {
  const blocks: string[] = [];
  let inline = '';
  const flush = (): void => {
    const text = inline.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(escapeBlockStart(text));
    inline = '';
  };
  for (const child of Array.from(container.childNodes)) {
    const element = child.nodeType === ELEMENT_NODE ? (child as Element) : null;
    if (element && SKIPPED.has(element.localName)) continue;
    if (!element || INLINE.has(element.localName)) {
      inline += inlineOf(child);
      continue;
    }
    flush();
    blocks.push(...blocksOfElement(element));
  }
  flush();
  return blocks;
}

/**
 * Converts an article element to markdown: blocks separated by a blank line. A leading
 * heading equal to `title` is dropped, since the title is already in the front matter.
 */
export function convertHtmlToMarkdown(root: Element, title?: string): string {
  const blocks = blocksOf(root);
  const first = blocks[0]?.replace(/^#+ /, '');
  if (title && blocks[0]?.startsWith('#') && first === escapeInline(title.trim())) blocks.shift();
  return blocks.join('\n\n');
}
