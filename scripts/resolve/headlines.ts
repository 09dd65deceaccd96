/**
 * Headlines in title case ("Tara Reid Finally Checks Into Rehab", "Sox Make Offer To
 * Teixeira") capitalize every word, so a tagger's span there runs over verbs and nouns.
 * Inside such a sentence a mention is cut down to the names the rest of the article uses
 * ("Tara Reid"; "Sox" and "Teixeira"), each taking the type of that name. Measured on
 * ECB+ dev (`kb eval --only ecbplus --errors`), where most documents start with one.
 */
import { readFileSync } from 'node:fs';
import type { Mention, Paragraph } from '../core/types.ts';

/** Words a title-case headline may leave in lower case ("Checks into Rehab", "Win over Chiefs"). */
const MINOR = new Set(
  'the and but nor for with into onto upon from over after amid per via off out than near about against before during under without through across behind despite'.split(
    ' ',
  ),
);

/**
 * Whether a sentence is written in title case: at least four words of three letters or
 * more, every one capitalized but for minor words, and not all in capitals (a capitals
 * headline is the tagger's business: it has features for those), nor a list (two commas
 * or more: the players of a match report).
 */
export function isTitleCase(text: string): boolean {
  const words = (text.match(/\p{L}{3,}/gu) ?? []).filter((w) => !MINOR.has(w));
  return (
    words.length >= 4 &&
    (text.match(/,/g) ?? []).length <= 1 &&
    words.every((w) => /^\p{Lu}/u.test(w)) &&
    words.some((w) => /\p{Ll}/u.test(w))
  );
}

/** Given names (`scripts/data/first-names.txt`, every section). */
const GIVEN_NAMES: ReadonlySet<string> = new Set(
  readFileSync(new URL('../data/first-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) =>
      line
        .replace(/^[^:]*:/, '')
        .trim()
        .split(/\s+/),
    )
    .filter(Boolean),
);

/** Headline names are cut to people and organizations only, never to places. */
const PERSON_OR_ORG: ReadonlySet<string> = new Set(['person', 'organization', 'site', 'campaign']);

/** A sentence of running text: three lower-case words or more, and no web address. */
const isRunningText = (text: string) =>
  (text.match(/(?<![\p{L}])\p{Ll}{4,}(?![\p{L}])/gu) ?? []).length >= 3 &&
  !/\b(?:https?|www)\b/.test(text);

/**
 * Title-case sentences that are headlines, as [start, end) spans per paragraph: those of
 * headings, and those before the article's running text starts (a title-case line in the
 * middle of a match report is a list of names, not a headline).
 */
function headlineSpans(paragraphs: Paragraph[]): Map<string, Array<[number, number]>> {
  const spans = new Map<string, Array<[number, number]>>();
  let running = false;
  for (const p of paragraphs) {
    const here: Array<[number, number]> = [];
    for (const sentence of p.sentences) {
      const text = p.text.slice(sentence.start, sentence.end);
      if ((!running || p.kind === 'heading') && isTitleCase(text))
        here.push([sentence.start, sentence.end]);
      running ||= isRunningText(text);
    }
    spans.set(p.id, here);
  }
  return spans;
}

/**
 * The forms a known mention may take in a headline: its whole name, and a person's
 * surname. An organization's last word is often a common noun ("City", "Bldg"), so it
 * does not count.
 */
function formsOf(m: Mention & { name: string }): string[] {
  const parts = m.name.split(' ');
  return parts.length > 1 && m.type === 'person' ? [m.name, parts.at(-1)!] : [m.name];
}

/**
 * Replaces each mention inside a title-case sentence by the known names it contains.
 * A mention that contains none is kept as it is; `named` turns a cut-down mention's text
 * into the fields a mention of that name needs.
 */
export function cutHeadlineMentions<M extends Mention & { name: string }>(
  paragraphs: Paragraph[],
  mentions: M[],
  named: (m: M, text: string, like: M) => M,
): M[] {
  const spans = headlineSpans(paragraphs);
  const inHeadline = (m: M) =>
    spans.get(m.paragraph)?.some(([s, e]) => m.start >= s && m.end <= e) ?? false;
  const known = new Map<string, M>();
  for (const m of mentions) {
    if (inHeadline(m) || !PERSON_OR_ORG.has(m.type)) continue;
    for (const form of formsOf(m)) if (!known.has(form)) known.set(form, m);
  }
  const nameWords = new Set(
    mentions.filter((m) => !inHeadline(m)).flatMap((m) => m.name.split(' ')),
  );
  const longestFirst = [...known.keys()].sort((a, b) => b.length - a.length);
  return mentions.flatMap((m) => {
    if (!inHeadline(m) || m.type === 'event' || known.has(m.name)) return [m];
    const taken: Array<[number, number]> = [];
    const cut: M[] = [];
    for (const form of longestFirst) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of m.text.matchAll(pattern)) {
        const start = match.index;
        const end = start + form.length;
        if (taken.some(([s, e]) => start < e && s < end)) continue;
        taken.push([start, end]);
        cut.push({
          ...named(m, form, known.get(form)!),
          start: m.start + start,
          end: m.start + end,
        });
      }
    }
    // What is cut away must hold a word that is no name: not a given name or an initial
    // ("Mark Waugh" in a title-case list of players stays whole), nor a word of a name
    // the article uses elsewhere; around an organization, a word of five letters or more
    // ("Colts Clinch Playoff Berth", not the "Bay Co … Auth" of "Bay Co Bldg Auth").
    let rest = m.text;
    for (const [s, e] of taken) rest = rest.slice(0, s) + ' '.repeat(e - s) + rest.slice(e);
    const person = cut.every((c) => c.type === 'person');
    const ordinary = (rest.match(person ? /\p{L}{2,}/gu : /\p{L}{5,}/gu) ?? []).some(
      (w) => !GIVEN_NAMES.has(w.toLowerCase()) && !nameWords.has(w),
    );
    return cut.length && ordinary ? cut.sort((a, b) => a.start - b.start) : [m];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
