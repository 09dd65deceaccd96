/**
 * Surnames the recognizer missed. After "Jeff Sessions" an article says "Sessions told CNN"
 * or "“…,” Cuban said", and a bare surname that is also a common word is often not tagged.
 * For attribution such a word, capitalized and outside quotes, stands for the full-name
 * mention it ends; the quote is then given to that mention, so it reaches the person's page.
 */
import type { QuoteSpan } from './quote-spans.ts';
import type { Mention, SegmentedArticle } from './types.ts';

/** Synthetic surname mentions, each mapped to the full-name mention it stands for. */
export type Echoes = Map<Mention, Mention>;

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
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}.'’-])(?:${[...names.keys()].join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  doc.paragraphs.forEach((paragraph, index) => {
    const taken = mentions.filter((m) => m.paragraph === paragraph.id);
    for (const match of paragraph.text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((m) => m.start < end && start < m.end)) continue;
      const quoted = quotesIn[index]!.some((span) =>
        span.parts.some((p) => p.index === index && start >= p.start && end <= p.end),
      );
      if (quoted) continue;
      const full = names.get(match[0])!;
      const echo: Mention = { ...full, paragraph: paragraph.id, start, end, text: match[0] };
      echoes.set(echo, full);
      speakers[index]!.push(echo);
    }
  });
  return echoes;
}
