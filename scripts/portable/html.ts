/**
 * Rewrites one built HTML page for the portable copy. parse5 (the HTML parser behind
 * jsdom) finds the real attributes and their offsets, so text that merely looks like
 * `href="/…"` is never touched, and everything not rewritten stays byte for byte.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { portableHref, portableRefresh, type FileExists } from './links.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Attributes that hold a site URL. `data-bundle` is where the search page finds Pagefind. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data-bundle']);

/** Only meaningful on the hosted site (service worker, the zip download): dropped. */
export const ONLINE_ONLY = 'data-online-only';

export interface PageRewrite {
  /** The page's path inside the copy, e.g. `people/matthew-prince/index.html`. */
  file: string;
  base: string;
  exists: FileExists;
  /** The Content-Security-Policy the copy's pages carry. */
  csp: (hosted: string) => string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Elements in document order, without the insides of those the copy drops. */
function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) {
    yield node;
    if (node.attrs.some((a) => a.name === ONLINE_ONLY)) return;
  }
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

function attributeEdits(element: Element, page: PageRewrite): Edit[] {
  const edits: Edit[] = [];
  const location = element.sourceCodeLocation;
  const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
  for (const { name, value } of element.attrs) {
    const span = location?.attrs?.[name];
    if (!span) continue;
    let rewritten: string | undefined;
    if (URL_ATTRIBUTES.has(name))
      rewritten = portableHref(value, page.file, page.base, page.exists);
    else if (name === 'content' && element.tagName === 'meta') {
      const equiv = attribute('http-equiv')?.toLowerCase();
      if (equiv === 'refresh')
        rewritten = portableRefresh(value, page.file, page.base, page.exists);
      if (equiv === 'content-security-policy') rewritten = page.csp(value);
    }
    // Module scripts do not run from file://: the copy's scripts are classic and deferred,
    // which is when a module script would have run.
    if (element.tagName === 'script' && name === 'type' && value === 'module') {
      edits.push({ start: span.startOffset, end: span.endOffset, text: 'defer' });
      continue;
    }
    if (rewritten !== undefined && rewritten !== value) {
      edits.push({
        start: span.startOffset,
        end: span.endOffset,
        text: `${name}="${escapeAttribute(rewritten)}"`,
      });
    }
  }
  return edits;
}

/** The page with its site links relative, its CSP for file:// and online-only parts gone. */
export function rewritePage(html: string, page: PageRewrite): string {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const edits: Edit[] = [];
  for (const element of elements(document)) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    if (element.attrs.some((a) => a.name === ONLINE_ONLY)) {
      edits.push({ start: location.startOffset, end: location.endOffset, text: '' });
      continue;
    }
    edits.push(...attributeEdits(element, page));
  }
  // From the end, so that earlier offsets stay valid (edits never overlap).
  edits.sort((a, b) => b.start - a.start);
  let result = html;
  for (const edit of edits)
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
