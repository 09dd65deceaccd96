/**
 * One role phrase in text: optional determiner, a few modifiers, a role word from the
 * lexicon, and for roles held at an organization the organization it names ("founder of
 * Kiwi Farm", "director of the … program at Stanford's Cyber Policy Center",
 * "Cloudflare CEO"). Used by `roles.ts` for appositives, copulas and titles.
 */
import { roleKind, type RoleLexicon } from './lexicon.ts';
import type { EntityType } from '../core/schema.ts';
import type { Span } from '../core/types.ts';

/** A resolved mention, as roles need it. */
export interface RoleMention extends Span {
  entity: string;
  type: EntityType;
  paragraph: string;
}

export interface Phrase extends Span {
  role: string;
  object?: RoleMention;
}

interface Context {
  text: string;
  mentions: RoleMention[];
  lexicon: RoleLexicon;
}

/** Types a role can be held at. */
const HOLDERS = new Set(['organization', 'site', 'campaign', 'place']);
/** Words that end a noun phrase: a modifier is never one of them. */
const STOP = new Set(
  'and or but nor because since although though whereas unless until so who whom which that is was are were be been has had have said says told to of in on at by for with from as than about after before when where while if his her its their our my your this these those not also during without upon under against despite toward towards among between through via amid into onto over like unlike including except near within across along around past'.split(
    ' ',
  ),
);
/** Modifiers that are not names, so a capital letter on them is only sentence case. */
const LOWER_FIRST = new Set(['former', 'then', 'longtime', 'current', 'acting', 'interim']);
const MAX_MODIFIERS = 4;

const isModifier = (word: string) => !STOP.has(word.toLowerCase()) && /^[\p{L}\p{N}]/u.test(word);

/** "Director of …" → "director of …"; acronyms and names keep their case. */
function normalizeRole(text: string): string {
  const role = text.replace(/\s+/g, ' ').trim();
  const first = role.split(' ')[0]!;
  if (first === first.toUpperCase() && /\p{Lu}{2}/u.test(first)) return role;
  return role[0]!.toLowerCase() + role.slice(1);
}

/**
 * The role phrase starting at `from` and ending by `limit`. `needsDeterminer`: the
 * phrase must open with a/an/the (after a copula). `backward`: `from`–`limit` is the
 * role word itself, and the modifiers or organization are looked for before it.
 */
export function rolePhrase(
  context: Context,
  from: number,
  limit: number,
  needsDeterminer = false,
  backward = false,
): Phrase | undefined {
  const { text, mentions, lexicon } = context;
  if (backward) return backwardPhrase(context, from, limit);
  const head = /^(?:(the|a|an)\s+)?/i.exec(text.slice(from, limit))!;
  if (needsDeterminer && !head[1]) return undefined;
  const start = from + head[0].length;
  const pattern = new RegExp(lexicon.pattern.source, 'iuy');
  // The role word comes after at most a few modifiers, none of them a stop word.
  let at = start;
  for (let words = 0; words <= MAX_MODIFIERS && at < limit; words++) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match && at + match[0].length <= limit) {
      const roleEnd = at + match[0].length;
      if (mentions.some((m) => m.start < roleEnd && at < m.end)) return undefined;
      const kind = roleKind(lexicon, match[0])!;
      return complement(context, start, roleEnd, limit, kind);
    }
    const word = /^([^\s,;]+)\s+/.exec(text.slice(at, limit));
    if (!word || !isModifier(word[1]!)) return undefined;
    at += word[0].length;
  }
  return undefined;
}

/** Adds "of/at <organization>" after a role held at one; short complements stay text. */
function complement(
  context: Context,
  start: number,
  roleEnd: number,
  limit: number,
  kind: 'of' | 'standalone',
): Phrase {
  const { text, mentions } = context;
  const plain = { role: normalizeRole(text.slice(start, roleEnd)), start, end: roleEnd };
  const preposition = /^\s+(of|at|for)\s+/i.exec(text.slice(roleEnd, limit));
  if (kind !== 'of' || !preposition) return plain;
  const holders = mentions.filter(
    (m) => m.start >= roleEnd && m.end <= limit && HOLDERS.has(m.type),
  );
  let object = holders[0];
  if (!object) {
    // "director of communications": a short complement without a name is part of the role.
    const rest = text.slice(roleEnd, limit);
    return rest.trim().split(/\s+/).length <= 6 && !/["“”]/.test(rest)
      ? { ...plain, role: normalizeRole(text.slice(start, limit)), end: limit }
      : plain;
  }
  // "Stanford's Cyber Policy Center": the possessor names where the holder is.
  for (const next of holders.slice(1))
    if (/^['’]s\s+$/.test(text.slice(object.end, next.start))) object = next;
  const gap = text.slice(roleEnd, holders[0]!.start);
  let cut = roleEnd;
  if (!/^\s+(of|at|for)\s+(the\s+)?$/i.test(gap)) {
    const last = [...gap.matchAll(/\s(?:of|at|for)\s/gi)].at(-1);
    if (!last) return plain;
    cut = roleEnd + last.index;
  }
  return { role: normalizeRole(text.slice(start, cut)), object, start, end: object.end };
}

/** "Cloudflare CEO", "Kiwi Farm founder", "trans activist", "former President". */
function backwardPhrase(context: Context, roleStart: number, roleEnd: number): Phrase | undefined {
  const { text, mentions, lexicon } = context;
  if (mentions.some((m) => m.start < roleEnd && roleStart < m.end)) return undefined;
  const kind = roleKind(lexicon, text.slice(roleStart, roleEnd));
  const holder = mentions.find(
    (m) =>
      HOLDERS.has(m.type) &&
      m.end <= roleStart &&
      /^(['’]s)?\s+$/.test(text.slice(m.end, roleStart)),
  );
  if (holder && kind === 'of') {
    const role = normalizeRole(text.slice(roleStart, roleEnd));
    return { role, object: holder, start: holder.start, end: roleEnd };
  }
  let start = roleStart;
  for (let words = 0; words < 2; words++) {
    const word = /(\S+)\s+$/.exec(text.slice(0, start));
    if (!word) break;
    const inMention = holder && word.index >= holder.start && word.index < holder.end;
    const lower = /^\p{Ll}/u.test(word[1]!) || LOWER_FIRST.has(word[1]!.toLowerCase());
    const plainWord = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(word[1]!);
    if (!plainWord || !isModifier(word[1]!) || /^(the|a|an)$/i.test(word[1]!)) break;
    // A verb before a title is no part of it ("urged President", "agency following
    // President"): a participle or past form stops the phrase, bar the listed ones ("acting").
    if (/(?:ed|ing)$/i.test(word[1]!) && !LOWER_FIRST.has(word[1]!.toLowerCase())) break;
    if (!(lower || inMention)) break;
    start = inMention ? holder.start : word.index;
  }
  if (start < roleStart && !LOWER_FIRST.has(text.slice(start).split(/\s/)[0]!.toLowerCase())) {
    return { role: text.slice(start, roleEnd).replace(/\s+/g, ' '), start, end: roleEnd };
  }
  return { role: normalizeRole(text.slice(start, roleEnd)), start, end: roleEnd };
}
