/**
 * Antecedents for pronouns and "the company": which mention a reference points back to.
 * The nearest fitting mention is often the wrong one ("Trump says he is making a demand
 * of Obama. “…,” he asks"), so mentions get a rough role from their neighbours: the one
 * before a speech verb or opening its sentence is a subject, one after a preposition or
 * with a possessive is not. A reference goes to the nearest subject, else the nearest one.
 */
import {
  fitsKind,
  matchEntry,
  wordsIn,
  type MentionRole,
  type QuoteContext,
  type SpeakerKind,
} from './context.ts';
import type { QuoteLexicon } from './lexicon.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

function roleOf(text: string, mention: Mention, lexicon: QuoteLexicon): MentionRole {
  if (/['’]s?$/.test(mention.text) || /^['’]s?\b/.test(text.slice(mention.end, mention.end + 2)))
    return 'object';
  const before = wordsIn(text, Math.max(0, mention.start - 20), mention.start);
  const previous = before.at(-1)?.lower === 'the' ? before.at(-2) : before.at(-1);
  if (previous && lexicon['object-before'].has(previous.lower)) return 'object';
  const after = wordsIn(text, mention.end, mention.end + 40).slice(0, 3);
  for (let i = 0; i < after.length; i++) if (matchEntry(lexicon.verbs, after, i)) return 'speaking';
  return 'other';
}

/** The role of every speaker mention, by its neighbouring words and place in its sentence. */
export function assignRoles(
  doc: SegmentedArticle,
  speakers: Mention[][],
  lexicon: QuoteLexicon,
): Map<Mention, MentionRole> {
  const roles = new Map<Mention, MentionRole>();
  speakers.forEach((list, index) => {
    const paragraph = doc.paragraphs[index]!;
    const seen = new Set<number>();
    for (const mention of list) {
      const role = roleOf(paragraph.text, mention, lexicon);
      const sentence = paragraph.sentences.findIndex((s) => s.end >= mention.end);
      // "She says Trump …": a pronoun already holds the subject place.
      const start = paragraph.sentences[sentence]?.start ?? 0;
      const pronounFirst = wordsIn(paragraph.text, start, mention.start).some(
        (w) => lexicon['person-pronouns'].has(w.lower) || lexicon['group-pronouns'].has(w.lower),
      );
      if (pronounFirst) seen.add(sentence);
      const first = role === 'other' && !seen.has(sentence);
      if (role !== 'object') seen.add(sentence);
      roles.set(mention, first ? 'subject' : role);
    }
  });
  return roles;
}

/**
 * The antecedent of a reference at `offset` in paragraph `index`: walking back sentence by
 * sentence (this paragraph, then up to `lookBack` earlier ones), the nearest sentence with
 * a fitting mention before a speech verb or in subject place gives it; else the nearest
 * fitting mention that is not an object; else the nearest fitting one.
 */
export function nearestBefore(
  context: QuoteContext,
  index: number,
  offset: number,
  kind: SpeakerKind,
  lookBack = context.lookBack,
): Mention | undefined {
  const candidates: Mention[] = [];
  for (let i = index; i >= 0 && i >= index - lookBack; i--) {
    const list = context.speakers[i]!;
    for (let j = list.length - 1; j >= 0; j--) {
      const mention = list[j]!;
      if ((i !== index || mention.end <= offset) && fitsKind(context, mention, kind))
        candidates.push(mention);
    }
  }
  const role = (m: Mention) => context.roles.get(m) ?? 'other';
  const speaking = candidates.find((m) => role(m) === 'speaking');
  const subject = candidates.find((m) => role(m) === 'subject');
  const nearestStrong = [speaking, subject].filter((m) => m !== undefined);
  if (nearestStrong.length) {
    // The later of the two in the text: the nearer sentence wins.
    return nearestStrong.reduce((a, b) => (candidates.indexOf(a) <= candidates.indexOf(b) ? a : b));
  }
  return candidates.find((m) => role(m) !== 'object') ?? candidates[0];
}
