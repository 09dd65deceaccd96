/**
 * Names a tagger cuts short the same way in every article, completed from the word the
 * articles always put before them. A tagger trained on CoNLL-2003 leaves a nationality
 * out of an organization's name ("American" is MISC in "American Express") and splits
 * names joined by "and" ("Standard and Poor's Corp", "Harper and Row Publishers Inc"), so
 * at 10,000 articles an organization called "Express" had 106 mentions, 98 of them after
 * "American", and "Poor's Corp" 103, 102 after "Standard and". Across the corpus, a name
 * almost always preceded by the same capitalized word (and "and") is that longer name:
 * the mentions with the word take it in, and a mention the longer span now covers
 * ("Standard") is dropped. Likewise after it: a possessive that every article gives
 * ("Moody's", which the tagger leaves outside: "Moody" had 131 mentions) and "and" with
 * a capitalized word ("Standard and Poor's"). Names of people are left as they are, and
 * so are names with a curated or listed canonical form.
 */
import type { EntityType } from '../core/schema.ts';
import { keyOf, type Located } from './locate.ts';
import { cleanName } from './name-keys.ts';
import { isFunctionWord } from '../core/text-features.ts';
import { isOrgSuffix } from './variants.ts';
import { appendTo } from '../core/collections.ts';
import { articleCount } from './across.ts';
import { compareText } from '../core/collections.ts';

/** Share of a name's mentions that must have the same word before it. */
const COMPLETION_SHARE = 0.9;
/** And how many mentions, in how many articles, at least. */
const COMPLETION_MENTIONS = 5;
const COMPLETION_ARTICLES = 3;

/** A capitalized word (and "and"/"&") just before a name, after a space. */
const WORD_BEFORE = /(?:^|[\s("“‘])(\p{Lu}\p{Ll}+(?: (?:and|&))? )$/u;

/** A possessive ending ("Moody's") or "and"/"&" and a capitalized word ("Standard and Poor's"). */
const WORDS_AFTER = /^(?:['’]s|\s(?:and|&)\s\p{Lu}\p{Ll}+(?:['’]s)?)(?![\p{L}\p{N}])/u;
const POSSESSIVE = /^['’]s$/;

const COMPLETED: ReadonlySet<EntityType> = new Set(['organization', 'site', 'campaign', 'place']);

/** Paragraph text by article and paragraph id. */
export type ParagraphText = (article: string, paragraph: string) => string | undefined;

/** The paragraph of mention `m`, if its text is there at the mention's offsets. */
function paragraphOf(m: Located, text: ParagraphText): string | undefined {
  const paragraph = text(m.article, m.paragraph);
  return paragraph?.slice(m.start, m.end) === m.text ? paragraph : undefined;
}

/** The word before mention `m` in its paragraph, if it may begin the name. */
function wordBefore(m: Located, text: ParagraphText): string | undefined {
  const paragraph = paragraphOf(m, text);
  if (paragraph === undefined) return undefined;
  const word = WORD_BEFORE.exec(paragraph.slice(Math.max(0, m.start - 40), m.start))?.[1];
  if (!word || isFunctionWord(word.split(' ')[0]!.toLowerCase())) return undefined;
  return word;
}

/**
 * "'s" or "and Poor's" just after mention `m` (or the "'s" its text ends with), if the
 * name may go on with it: not after a company suffix ("Cargill U.K. Ltd's" is Cargill
 * U.K. Ltd's own).
 */
function wordsAfter(m: Located, text: ParagraphText): string | undefined {
  const paragraph = paragraphOf(m, text);
  if (paragraph === undefined) return undefined;
  const last = m.name.split(' ').at(-1)!.replace(/\.$/, '').toLowerCase();
  if (isOrgSuffix(last)) return undefined;
  const own = /['’]s$/.exec(m.text)?.[0];
  return own ?? WORDS_AFTER.exec(paragraph.slice(m.end, m.end + 40))?.[0];
}

/**
 * Completes, in `groups` (mentions by entity key), every name its articles nearly always
 * give with the same word before it; regroups the completed mentions under their new
 * names' keys. Returns how many groups were completed.
 */
export function completeNames(groups: Map<string, Located[]>, text: ParagraphText): number {
  const extended: Located[] = [];
  for (const [key, mentions] of [...groups]) {
    if (mentions.length < COMPLETION_MENTIONS) continue;
    if (mentions.some((m) => m.canonical || !COMPLETED.has(m.type))) continue;
    const completed =
      completeSide(mentions, (m) => wordBefore(m, text), 'before') ??
      completeSide(mentions, (m) => wordsAfter(m, text), 'after');
    if (!completed) continue;
    // One entity still, under the completed name: the few mentions without the words
    // are that name said short.
    const into = keyOf(completed.type, completed.name);
    for (const m of mentions) m.key = into;
    extended.push(...mentions);
    groups.delete(key);
  }
  if (!extended.length) return 0;
  const covered = coveredBy(extended);
  dropCovered(groups, covered);
  for (const m of extended) if (!covered(m)) appendTo(groups, m.key, m);
  return new Set(extended.map((m) => m.key)).size;
}

/**
 * Extends the mentions that have the words most of them have on one side, if nine in ten
 * do, in enough articles; returns one of them, or undefined.
 */
function completeSide(
  mentions: Located[],
  wordsOf: (m: Located) => string | undefined,
  side: 'before' | 'after',
): Located | undefined {
  const words = mentions.map(wordsOf);
  const counts = new Map<string, number>();
  for (const w of words) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0] ?? [];
  if (!best || count! < mentions.length * COMPLETION_SHARE) return undefined;
  const taking = mentions.filter((_, i) => words[i] === best);
  if (articleCount(taking) < COMPLETION_ARTICLES) return undefined;
  for (const m of taking) {
    if (side === 'before') {
      m.start -= best.length;
      m.text = best + m.text;
      m.name = cleanName(best + m.name);
    } else {
      if (!m.text.endsWith(best)) {
        m.end += best.length;
        m.text += best;
      }
      // A possessive that is part of the name stays in it ("Moody's"); the key drops it.
      m.name = POSSESSIVE.test(best) ? m.name + best : cleanName(m.name + best);
    }
  }
  return taking[0];
}

/** Whether a mention lies inside one of `extended` (other than itself). */
function coveredBy(extended: Located[]): (m: Located) => boolean {
  const spans = new Map<string, Located[]>();
  for (const m of extended) appendTo(spans, `${m.article}\0${m.paragraph}`, m);
  return (m) =>
    spans
      .get(`${m.article}\0${m.paragraph}`)
      ?.some((x) => x !== m && x.start <= m.start && m.end <= x.end) ?? false;
}

/** Removes from `groups` the mentions that a completed mention's span now covers. */
function dropCovered(groups: Map<string, Located[]>, covered: (m: Located) => boolean): void {
  for (const [key, mentions] of [...groups]) {
    const kept = mentions.filter((m) => !covered(m));
    if (kept.length === mentions.length) continue;
    if (kept.length) groups.set(key, kept);
    else groups.delete(key);
  }
}
