/**
 * Surnames the recognizer missed. After "Jeff Sessions" an article says "Sessions told CNN"
 * or "“…,” Cuban said", and a bare surname that is also a common word is often not tagged.
 * For attribution such a word, capitalized and outside quotes, stands for the full-name
 * mention it ends; the quote is then given to that mention, so it reaches the person's page.
 */
import { appendTo } from '../core/collections.ts';
import type { QuoteSpan } from './spans.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

/** Synthetic surname mentions, each mapped to the full-name mention it stands for. */
export type Echoes = Map<Mention, Mention>;

/** What may not come right before a surname, or right after: it would be part of a longer word. */
const WORD_BEFORE = /[\p{L}\p{N}.'’-]$/u;
const WORD_AFTER = /^[\p{L}\p{N}]/u;

/**
 * Where `surnames` occur in `text` as words of their own, left to right, none overlapping:
 * at each place the first of them that fits, as a pattern of them in that order would
 * find them. A scan rather than such a pattern, which would be compiled anew for every
 * article's names (a tenth of the time of quote attribution, at 10,000 articles).
 */
function* surnamesIn(
  text: string,
  surnames: string[],
): Generator<{ start: number; end: number; name: string }> {
  const initials = new Set(surnames.map((name) => name.charCodeAt(0)));
  for (let start = 0; start < text.length; start++) {
    if (!initials.has(text.charCodeAt(start))) continue;
    if (WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
    const name = surnames.find(
      (name) =>
        text.startsWith(name, start) &&
        !WORD_AFTER.test(text.slice(start + name.length, start + name.length + 2)),
    );
    if (!name) continue;
    yield { start, end: start + name.length, name };
    start += name.length - 1;
  }
}

/** The last word of a person's full name, when the name has at least two words. */
function surnameOf(m: Mention): string | undefined {
  const words = m.text.replace(/['’]s?$/u, '').split(/\s+/);
  const last = words.at(-1)!;
  return words.length > 1 && /^\p{Lu}\p{Ll}{2,}/u.test(last) ? last : undefined;
}

/** The first full-name mention of each surname that one person alone carries in the article. */
function fullNames(mentions: Mention[]): Map<string, Mention> {
  const byName = new Map<string, Mention>();
  const owners = new Map<string, Set<string>>();
  for (const m of mentions) {
    const surname = m.type === 'person' ? surnameOf(m) : undefined;
    if (!surname) continue;
    byName.set(surname, byName.get(surname) ?? m);
    owners.set(surname, (owners.get(surname) ?? new Set()).add(m.text.replace(/['’]s?$/u, '')));
  }
  for (const [surname, names] of owners) if (names.size > 1) byName.delete(surname);
  return byName;
}

/**
 * Adds to `speakers` (by paragraph index) a mention for every untagged occurrence of a
 * surname outside quotes and outside every mention, and returns what each stands for.
 */
export function addSurnameEchoes(
  doc: SegmentedArticle,
  mentions: Mention[],
  speakers: Mention[][],
  quotesIn: QuoteSpan[][],
): Echoes {
  const echoes: Echoes = new Map();
  const names = fullNames(mentions);
  if (!names.size) return echoes;
  const surnames = [...names.keys()];
  const byParagraph = new Map<string, Mention[]>();
  for (const m of mentions) appendTo(byParagraph, m.paragraph, m);
  doc.paragraphs.forEach((paragraph, index) => {
    const taken = byParagraph.get(paragraph.id) ?? [];
    for (const { start, end, name } of surnamesIn(paragraph.text, surnames)) {
      if (taken.some((m) => m.start < end && start < m.end)) continue;
      const quoted = quotesIn[index]!.some((span) =>
        span.parts.some((p) => p.index === index && start >= p.start && end <= p.end),
      );
      if (quoted) continue;
      const full = names.get(name)!;
      const echo: Mention = { ...full, paragraph: paragraph.id, start, end, text: name };
      echoes.set(echo, full);
      speakers[index]!.push(echo);
    }
  });
  return echoes;
}
