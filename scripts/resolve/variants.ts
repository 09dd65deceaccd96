/**
 * Cross-article merging of name variants that are not short forms (resolve-across.ts):
 * a person's name with or without middle names and initials ("Mark Jay Heller", "Mark
 * Heller"; "Dirk A. Kempthorne", "Dirk Kempthorne"), an organization's acronym used alone
 * in another article ("AP", "Associated Press"), and an organization's name with or without
 * a word such as "Corp." or "Department" (`scripts/data/org-suffixes.txt`). Each merge needs
 * exactly one candidate, so two people who share a first and last name but not a middle
 * name ("Mark A. Heller", "Mark B. Heller") stay apart. A first name may be a nickname of the
 * other (`scripts/data/nicknames.txt`: "Fred LaRue", "Frederick Cheney LaRue"). Measured on ECB+ dev
 * (`kb eval --only ecbplus --errors`, "split: name, across documents").
 */
import { readFileSync } from 'node:fs';
import { initialsFor, isAcronymOf, nameInitials } from './aliases.ts';
import { squashedKey } from './name-keys.ts';
import { groupKind, type Grouped } from './across.ts';

const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  readFileSync(new URL('../data/org-suffixes.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** Whether a lowercase word is a company suffix ("inc", "corp", "department"). */
export const isOrgSuffix = (word: string): boolean => ORG_SUFFIXES.has(word);

/**
 * Whether a name is made of such words alone ("Co Inc", "Ltd"): what is left of a company
 * name cut short, which names nothing (at 10,000 articles, "Co Inc" gathered 65 mentions
 * of as many companies).
 */
export function onlyOrgSuffixes(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return words.every((word) => isOrgSuffix(word.replace(/[.,]$/, '')));
}

/** Every first name in `scripts/data/nicknames.txt` → the formal names of its groups. */
const FORMAL = new Map<string, string[]>();
for (const line of readFileSync(new URL('../data/nicknames.txt', import.meta.url), 'utf8').split(
  '\n',
)) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [formal, ...short] = line.trim().toLowerCase().split(/\s+/);
  for (const name of [formal!, ...short]) FORMAL.set(name, [...(FORMAL.get(name) ?? []), formal!]);
}

const GENERATION = /^(?:Jr|Sr|II|III|IV)\.?$/;
const INITIAL = /^\p{Lu}\.?$/u;

/** Merges group `from` into group `into`. */
function merge(groups: Map<string, Grouped[]>, from: string, into: string): void {
  if (from === into || !groups.has(from) || !groups.has(into)) return;
  groups.get(into)!.push(...groups.get(from)!);
  groups.delete(from);
}

/** A person's name as surname, given name and middle initials: "Mark Jay Heller" → heller, mark, j. */
interface PersonName {
  surname: string;
  given: string;
  middle: string;
}

function personName(name: string): PersonName | undefined {
  const words = name.split(' ').filter((w) => !GENERATION.test(w));
  const full = words.filter((w) => !INITIAL.test(w));
  if (full.length < 2) return undefined;
  // Middle names and initials, each by its first letter, so "M." and "Marie" agree.
  const first = words.indexOf(full[0]!);
  const middle = [...words.slice(0, first), ...words.slice(first + 1, -1)]
    .map((w) => w[0]!.toLowerCase())
    .join('');
  return { surname: full.at(-1)!.toLowerCase(), given: full[0]!.toLowerCase(), middle };
}

/** Same given name or nickname of it, and middle initials that do not disagree. */
function samePerson(a: PersonName, b: PersonName): boolean {
  if (a.middle && b.middle && a.middle !== b.middle) return false;
  if (a.given === b.given) return true;
  const formal = FORMAL.get(a.given) ?? [];
  return (FORMAL.get(b.given) ?? []).some((f) => formal.includes(f));
}

/**
 * People with the same surname whose names may be one person's: each name joins the others
 * it may be when all of those may be one another too ("Alex Smith" stays apart when both
 * "Alexander Smith" and "Alexandra Smith" are in the articles).
 */
function mergeMiddleNames(groups: Map<string, Grouped[]>): void {
  const bySurname = new Map<string, Map<string, PersonName & { keys: Set<string> }>>();
  for (const [key, mentions] of groups) {
    if (groupKind(mentions) !== 'person') continue;
    for (const m of mentions) {
      const name = m.type === 'person' ? personName(m.name) : undefined;
      if (!name) continue;
      const names = bySurname.get(name.surname) ?? new Map();
      bySurname.set(name.surname, names);
      const id = `${name.given} ${name.middle}`;
      const entry = names.get(id) ?? { ...name, keys: new Set<string>() };
      names.set(id, entry);
      entry.keys.add(key);
    }
  }
  const moved = new Map<string, string>();
  const current = (key: string) => {
    while (moved.has(key)) key = moved.get(key)!;
    return key;
  };
  for (const names of bySurname.values()) {
    const list = [...names.values()];
    for (const x of list) {
      // The names x may be, each of which may be only these ("John Smith" with both
      // "John A. Smith" and "John B. Smith" around joins neither).
      const same = list.filter((y) => samePerson(x, y));
      const closed = same.every((y) => list.every((z) => same.includes(z) === samePerson(y, z)));
      if (!closed) continue;
      const keys = same.flatMap((n) => [...n.keys]).map(current);
      for (const key of new Set(keys)) {
        if (key === current(keys[0]!)) continue;
        merge(groups, key, current(keys[0]!));
        moved.set(key, current(keys[0]!));
      }
    }
  }
}

/**
 * An acronym standing alone ("AP") joins the one organization it abbreviates. The long
 * names are looked up by their initials (`initialsFor`), not all tried against each
 * acronym, which grew with the square of the corpus.
 */
function mergeAcronyms(groups: Map<string, Grouped[]>): void {
  const orgs = [...groups].filter(([, mentions]) => groupKind(mentions) === 'org');
  const byInitials = new Map<string, Array<{ key: string; name: string }>>();
  for (const [key, mentions] of orgs)
    for (const name of new Set(mentions.map((m) => m.name))) {
      if (!name.includes(' ')) continue;
      const initials = nameInitials(name);
      if (!byInitials.has(initials)) byInitials.set(initials, []);
      byInitials.get(initials)!.push({ key, name });
    }
  for (const [key, mentions] of orgs) {
    const forms = new Set(mentions.map((m) => m.name.replace(/\./g, '')));
    if (forms.size !== 1) continue;
    const [acronym] = forms;
    if (!/^\p{Lu}{2,6}$/u.test(acronym!)) continue;
    const targets = new Set<string>();
    for (const initials of initialsFor(acronym!))
      for (const n of byInitials.get(initials) ?? [])
        if (n.key !== key && isAcronymOf(acronym!, n.name)) targets.add(n.key);
    if (targets.size === 1) merge(groups, key, [...targets][0]!);
  }
}

/** "Microsoft Corp." joins "Microsoft", "Staunton Police Department" the "Staunton Police". */
function mergeOrgSuffixes(groups: Map<string, Grouped[]>): void {
  for (const [key, mentions] of [...groups]) {
    if (!groups.has(key) || groupKind(mentions) !== 'org') continue;
    for (const name of new Set(mentions.map((m) => m.name))) {
      const words = name.split(' ');
      if (words.length < 2 || !ORG_SUFFIXES.has(words.at(-1)!.replace(/\.$/, '').toLowerCase()))
        continue;
      const target = squashedKey(words.slice(0, -1).join(' '));
      const other = groups.get(target);
      if (target !== key && other && groupKind(other) === 'org') {
        merge(groups, key, target);
        break;
      }
    }
  }
}

/** Merges name variants across articles (see the module comment). */
export function mergeNameVariants(groups: Map<string, Grouped[]>): void {
  mergeMiddleNames(groups);
  mergeAcronyms(groups);
  mergeOrgSuffixes(groups);
}
