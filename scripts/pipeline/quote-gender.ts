/**
 * Grammatical gender of the people an article names, from the article itself, so that
 * "he" does not go to Hillary Clinton nor "she" to Donald Trump: a title ("Mr.", "Ms.")
 * before any mention of the name, else the pronouns of the sentences that name that
 * person and nobody else ("Clinton said she …"). Names without evidence stay open.
 */
import type { Mention, SegmentedArticle } from './types.ts';

export type Gender = 'male' | 'female';

const MALE = new Set(['he']);
const FEMALE = new Set(['she']);
const TITLE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/;

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
export function genderOf(doc: SegmentedArticle, speakers: Mention[][]): Map<Mention, Gender> {
  const keyOf = personKeys(speakers.flat().filter((m) => m.type === 'person'));
  const titles = new Map<string, Gender>();
  const votes = new Map<string, { male: number; female: number }>();
  speakers.forEach((list, index) => {
    const paragraph = doc.paragraphs[index]!;
    const people = list.filter((m) => m.type === 'person');
    for (const m of people) {
      const title = TITLE.exec(paragraph.text.slice(Math.max(0, m.start - 6), m.start))?.[1];
      if (title) titles.set(keyOf(m), title === 'Mr' ? 'male' : 'female');
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
        (vote && vote.male >= 2 * vote.female + 1
          ? 'male'
          : vote && vote.female >= 2 * vote.male + 1
            ? 'female'
            : undefined);
      if (found) gender.set(m, found);
    }
  return gender;
}
