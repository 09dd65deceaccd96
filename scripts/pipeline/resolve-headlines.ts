/**
 * Headlines in title case ("Tara Reid Finally Checks Into Rehab", "Sox Make Offer To
 * Teixeira") capitalize every word, so a tagger's span there runs over verbs and nouns.
 * Inside such a sentence a mention is cut down to the names the rest of the article uses
 * ("Tara Reid"; "Sox" and "Teixeira"), each taking the type of that name. Measured on
 * ECB+ dev (`kb eval --only ecbplus --errors`), where most documents start with one.
 */
import type { Mention, Paragraph } from './types.ts';

/** Words a title-case headline may leave in lower case ("Checks into Rehab", "Win over Chiefs"). */
const MINOR = new Set(
  'the and but nor for with into onto upon from over after amid per via off out than near about against before during under without through across behind despite'.split(
    ' ',
  ),
);

/**
 * Whether a sentence is written in title case: at least four words of three letters or
 * more, every one capitalized but for minor words, and not all in capitals (a capitals
 * headline is the tagger's business: it has features for those).
 */
export function isTitleCase(text: string): boolean {
  const words = (text.match(/\p{L}{3,}/gu) ?? []).filter((w) => !MINOR.has(w));
  return (
    words.length >= 4 &&
    words.every((w) => /^\p{Lu}/u.test(w)) &&
    words.some((w) => /\p{Ll}/u.test(w))
  );
}

/** The title-case sentences of a paragraph, as [start, end) spans. */
function titleCaseSpans(paragraph: Paragraph): Array<[number, number]> {
  return paragraph.sentences
    .filter((s) => isTitleCase(paragraph.text.slice(s.start, s.end)))
    .map((s) => [s.start, s.end]);
}

/**
 * The forms a known mention may take in a headline: its whole name, and for a name of
 * several words its last word (a surname, "Sox" of "Red Sox").
 */
function formsOf(m: Mention & { name: string }): string[] {
  const parts = m.name.split(' ');
  return parts.length > 1 ? [m.name, parts.at(-1)!] : [m.name];
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
  const spans = new Map(paragraphs.map((p) => [p.id, titleCaseSpans(p)]));
  const inHeadline = (m: M) =>
    spans.get(m.paragraph)?.some(([s, e]) => m.start >= s && m.end <= e) ?? false;
  const known = new Map<string, M>();
  for (const m of mentions) {
    if (inHeadline(m) || m.type === 'event') continue;
    for (const form of formsOf(m)) if (!known.has(form)) known.set(form, m);
  }
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
    return cut.length ? cut.sort((a, b) => a.start - b.start) : [m];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
