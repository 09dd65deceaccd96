/**
 * Grammatical gender of the people an article names, so that "he" does not go to Hillary
 * Clinton nor "she" to Donald Trump: a title ("Mr.", "Ms.") before any mention of the name,
 * else a given name that shows it (`scripts/data/first-names.txt`), else the pronouns of the
 * sentences that name that person and nobody else ("Clinton said she …"). Names without
 * evidence stay open.
 */
import { readFileSync } from 'node:fs';
import type { Mention, SegmentedArticle } from '../core/types.ts';

export type Gender = 'male' | 'female';

const MALE = new Set(['he']);
const FEMALE = new Set(['she']);
const TITLE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/;
const FIRST_NAMES = new URL('../data/first-names.txt', import.meta.url);

/** Lowercase given name → the gender it shows. */
export type FirstNames = Map<string, Gender>;
let cachedNames: FirstNames | undefined;

/** Parses `male: …` and `female: …` lines; `#` starts a comment. */
export function parseFirstNames(source: string): FirstNames {
  const names: FirstNames = new Map();
  for (const line of source.split('\n')) {
    const match = /^\s*(male|female)\s*:(.*)$/.exec(line);
    if (!match) continue;
    for (const name of match[2]!.trim().toLowerCase().split(/\s+/).filter(Boolean))
      names.set(name, match[1] as Gender);
  }
  return names;
}

/** The given-name list, read once per process. */
export function loadFirstNames(): FirstNames {
  cachedNames ??= parseFirstNames(readFileSync(FIRST_NAMES, 'utf8'));
  return cachedNames;
}

/** The gender a full name's given name shows ("Hillary Clinton", "Sen. Bernie Sanders"). */
function givenNameGender(m: Mention, names: FirstNames): Gender | undefined {
  const words = m.text.split(/\s+/);
  if (words.length < 2) return undefined;
  for (const word of words.slice(0, -1).slice(0, 2)) {
    const found = names.get(word.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

/** The last word of a name ("Hillary Clinton", "Clinton" → clinton). */
const surname = (m: Mention) =>
  m.text
    .replace(/['’]s?$/u, '')
    .split(/\s+/)
    .at(-1)!
    .toLowerCase();

/**
 * The person a mention names, for the article: its full name, or for a bare surname the one
 * full name that ends with it; a surname two people share (Keith and Rakeyia Scott, Donald
 * and Ivanka Trump) is a key of its own that never gets a gender.
 */
function personKeys(people: Mention[]): (m: Mention) => string {
  const full = new Map<string, Set<string>>();
  for (const m of people) {
    if (!/\s/.test(m.text.trim())) continue;
    const name = m.text.replace(/['’]s?$/u, '').toLowerCase();
    full.set(surname(m), (full.get(surname(m)) ?? new Set()).add(name));
  }
  return (m) => {
    if (/\s/.test(m.text.trim())) return m.text.replace(/['’]s?$/u, '').toLowerCase();
    const names = full.get(surname(m));
    return names?.size === 1 ? [...names][0]! : names ? `?${surname(m)}` : surname(m);
  };
}

/** Gender of every person mention whose name the article gives evidence for. */
export function genderOf(
  doc: SegmentedArticle,
  speakers: Mention[][],
  names: FirstNames = loadFirstNames(),
): Map<Mention, Gender> {
  const keyOf = personKeys(speakers.flat().filter((m) => m.type === 'person'));
  const titles = new Map<string, Gender>();
  const given = new Map<string, Gender>();
  const votes = new Map<string, { male: number; female: number }>();
  speakers.forEach((list, index) => {
    const paragraph = doc.paragraphs[index]!;
    const people = list.filter((m) => m.type === 'person');
    for (const m of people) {
      const title = TITLE.exec(paragraph.text.slice(Math.max(0, m.start - 6), m.start))?.[1];
      if (title) titles.set(keyOf(m), title === 'Mr' ? 'male' : 'female');
      const shown = givenNameGender(m, names);
      if (shown) given.set(keyOf(m), shown);
    }
    for (const sentence of paragraph.sentences) {
      const here = people.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
      const names = new Set(here.map(keyOf));
      if (names.size !== 1) continue;
      const first = Math.min(...here.map((m) => m.end));
      const vote = votes.get([...names][0]!) ?? { male: 0, female: 0 };
      for (const w of paragraph.text
        .slice(first, sentence.end)
        .toLowerCase()
        .split(/[^a-z]+/)) {
        if (MALE.has(w)) vote.male++;
        if (FEMALE.has(w)) vote.female++;
      }
      votes.set([...names][0]!, vote);
    }
  });
  const gender = new Map<Mention, Gender>();
  for (const list of speakers)
    for (const m of list) {
      if (m.type !== 'person') continue;
      const key = keyOf(m);
      if (key.startsWith('?')) continue;
      const vote = votes.get(key);
      const found =
        titles.get(key) ??
        given.get(key) ??
        (vote && vote.male >= 2 * vote.female + 1
          ? 'male'
          : vote && vote.female >= 2 * vote.male + 1
            ? 'female'
            : undefined);
      if (found) gender.set(m, found);
    }
  return gender;
}
