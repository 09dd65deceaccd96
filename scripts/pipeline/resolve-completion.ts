/**
 * Names a tagger cuts short the same way in every article, completed from the word the
 * articles always put before them. A tagger trained on CoNLL-2003 leaves a nationality
 * out of an organization's name ("American" is MISC in "American Express") and splits
 * names joined by "and" ("Standard and Poor's Corp", "Harper and Row Publishers Inc"), so
 * at 10,000 articles an organization called "Express" had 106 mentions, 98 of them after
 * "American", and "Poor's Corp" 103, 102 after "Standard and". Across the corpus, a name
 * almost always preceded by the same capitalized word (and "and") is that longer name:
 * the mentions with the word take it in, and a mention the longer span now covers
 * ("Standard") is dropped. Names of people are left as they are, and so are names with
 * a curated or listed canonical form.
 */
import type { EntityType } from '../schema.ts';
import { keyOf, type Located } from './locate.ts';
import { cleanName } from './name-keys.ts';
import { isFunctionWord } from './text-features.ts';
import { appendTo } from './collections.ts';

/** Share of a name's mentions that must have the same word before it. */
const COMPLETION_SHARE = 0.9;
/** And how many mentions, in how many articles, at least. */
const COMPLETION_MENTIONS = 5;
const COMPLETION_ARTICLES = 3;

/** A capitalized word (and "and"/"&") just before a name, after a space. */
const WORD_BEFORE = /(?:^|[\s("“‘])(\p{Lu}\p{Ll}+(?: (?:and|&))? )$/u;

const COMPLETED: ReadonlySet<EntityType> = new Set(['organization', 'site', 'campaign', 'place']);

/** Paragraph text by article and paragraph id. */
export type ParagraphText = (article: string, paragraph: string) => string | undefined;

/** The word before mention `m` in its paragraph, if it may begin the name. */
function wordBefore(m: Located, text: ParagraphText): string | undefined {
  const paragraph = text(m.article, m.paragraph);
  if (paragraph === undefined || paragraph.slice(m.start, m.end) !== m.text) return undefined;
  const word = WORD_BEFORE.exec(paragraph.slice(Math.max(0, m.start - 40), m.start))?.[1];
  if (!word || isFunctionWord(word.split(' ')[0]!.toLowerCase())) return undefined;
  return word;
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
    if (mentions.some((m) => m.canonical || m.type === 'person' || !COMPLETED.has(m.type)))
      continue;
    const before = mentions.map((m) => wordBefore(m, text));
    const counts = new Map<string, number>();
    for (const word of before) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    const [word, count] =
      [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    if (!word || count! < mentions.length * COMPLETION_SHARE) continue;
    const taking = mentions.filter((_, i) => before[i] === word);
    if (new Set(taking.map((m) => m.article)).size < COMPLETION_ARTICLES) continue;
    for (const m of taking) {
      m.start -= word.length;
      m.text = word + m.text;
      m.name = cleanName(word + m.name);
    }
    // One entity still, under the completed name: the few mentions without the word are
    // that name said short.
    const into = keyOf(taking[0]!.type, taking[0]!.name);
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
