/**
 * Roles: titles and appositives that say what a person is, as facts with the words that
 * state them. "Cloudflare CEO Matthew Prince", "The CEO of Cloudflare, Matthew Prince",
 * "Josh Moon, the founder of Kiwi Farm,", "Rep. Marjorie Taylor Greene (R-Ga.)",
 * "Moon … is a former administrator of 8chan". Pure: patterns over one paragraph's text
 * and the resolved mentions in it; role words come from `scripts/data/roles.txt`.
 */
import type { EntityType } from '../core/schema.ts';
import { rolePhrase, type Phrase, type RoleMention } from './phrase.ts';
import type { RoleLexicon } from './lexicon.ts';
import type { Paragraph, Span } from '../core/types.ts';

export type { RoleMention } from './phrase.ts';

export interface RoleFact {
  /** The person who holds the role. */
  subject: RoleMention;
  /** The role as written, first letter lowercased unless an acronym: "CEO", "founder". */
  role: string;
  /** What the role is held at, when the text names it ("Cloudflare"). */
  object?: RoleMention;
  paragraph: string;
  /** The words that state the fact, in the paragraph's text. */
  evidence: Span;
}

const COPULA = /^\s+(is|was|has been|had been|became|remains|used to be)\s+/i;
/** Where an appositive ends: a comma, a bracket, a dash, a semicolon or the sentence end. */
const CLAUSE_END = /[,;()—–]/;

function clauseEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const at = rest.search(CLAUSE_END);
  return at < 0 ? limit : from + at;
}

/** Every role stated about a person in one paragraph. */
export function findRoles(
  paragraph: Paragraph,
  mentions: RoleMention[],
  lexicon: RoleLexicon,
): RoleFact[] {
  const here = mentions
    .filter((m) => m.paragraph === paragraph.id)
    .sort((a, b) => a.start - b.start);
  const facts: RoleFact[] = [];
  const seen = new Set<string>();
  const add = (subject: RoleMention, phrase: Phrase, evidence: Span) => {
    const key = `${subject.entity}\n${phrase.role.toLowerCase()}\n${phrase.object?.entity ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push({
      subject,
      role: phrase.role,
      object: phrase.object,
      paragraph: paragraph.id,
      evidence,
    });
  };
  const { text } = paragraph;
  for (const sentence of paragraph.sentences) {
    const inSentence = here.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    for (const subject of inSentence.filter((m) => m.type === 'person')) {
      const context = { text, mentions: inSentence, lexicon };
      // Before the name: a title, "Cloudflare CEO", "The CEO of Cloudflare,".
      for (const found of rolesBefore(context, sentence.start, subject))
        add(subject, found, { start: found.start, end: found.end });
      // After the name: ", the founder of Kiwi Farm," and "… is a former administrator of 8chan".
      let at = subject.end;
      const comma = /^,\s+/.exec(text.slice(at, sentence.end));
      if (comma) {
        const end = clauseEnd(text, at + comma[0].length, sentence.end);
        let from = at + comma[0].length;
        for (let phrase = rolePhrase(context, from, end); phrase;) {
          add(subject, phrase, { start: subject.start, end: phrase.end });
          const and = /^\s+and\s+/.exec(text.slice(phrase.end, end));
          phrase = and ? rolePhrase(context, (from = phrase.end + and[0].length), end) : undefined;
        }
        at = text[end] === ',' ? end + 1 : at;
      }
      const copula = COPULA.exec(text.slice(at, sentence.end));
      const leading = text.slice(sentence.start, subject.start).trim();
      if (copula && /^["“‘]?$/.test(leading)) {
        const from = at + copula[0].length;
        const phrase = rolePhrase(context, from, clauseEnd(text, from, sentence.end), true);
        if (phrase) {
          const former = /used to be/i.test(copula[1]!) && !/^former /i.test(phrase.role);
          add(subject, former ? { ...phrase, role: `former ${phrase.role}` } : phrase, {
            start: subject.start,
            end: phrase.end,
          });
        }
      }
    }
  }
  return facts;
}

interface Context {
  text: string;
  mentions: RoleMention[];
  lexicon: RoleLexicon;
}

/** Roles written before a person's name, ending right before it. */
function rolesBefore(context: Context, sentenceStart: number, subject: RoleMention): Phrase[] {
  const { text, lexicon } = context;
  const prefix = text.slice(sentenceStart, subject.start);
  const found: Phrase[] = [];
  const title = /(\S+)\s+$/.exec(prefix);
  const expanded = title && lexicon.titles.get(title[1]!);
  if (title && expanded) {
    // "Rep. Marjorie Taylor Greene (R-Ga.)": the party and state belong to the title.
    const party = /^\s*\(([A-Z]{1,3}-[A-Z][A-Za-z.]{0,6})\)/.exec(text.slice(subject.end));
    found.push({
      role: party ? `${expanded} (${party[1]})` : expanded,
      start: sentenceStart + title.index,
      end: subject.end + (party ? party[0].length : 0),
    });
  }
  for (const match of prefix.matchAll(lexicon.pattern)) {
    const start = sentenceStart + match.index;
    const between = text.slice(start + match[0].length, subject.start);
    if (/^\s+$/.test(between)) {
      // "Cloudflare CEO Matthew Prince", "trans activist Chelsea Manning".
      const phrase = rolePhrase(context, start, start + match[0].length, false, true);
      if (phrase) found.push({ ...phrase, end: subject.end });
      continue;
    }
    // "The CEO of Cloudflare, Matthew Prince": the phrase opens the noun phrase.
    const opener = text.slice(sentenceStart, start);
    if (!/(^|\b(the|a|an|former)\s+)$/i.test(opener)) continue;
    const phrase = rolePhrase(context, start, subject.start);
    if (phrase?.object && /^,?\s+$/.test(text.slice(phrase.object.end, subject.start))) {
      const determiner = /(the|a|an)\s+$/i.exec(opener);
      found.push({ ...phrase, start: start - (determiner?.[0].length ?? 0), end: subject.end });
    }
  }
  return found;
}
