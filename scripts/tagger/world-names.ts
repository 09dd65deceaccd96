/**
 * Name lists of the world as tagger features (Ratinov & Roth 2009, §5): the typed
 * gazetteers of `../shared/world/gazetteers/` (GeoNames places, countries, subdivisions,
 * listed companies, parties, universities, clubs, outlets, brands, heads of state,
 * given names and surnames of 116 countries), compiled by `kb train` into one small file
 * per source under `models/names/` (each keeps its source's licence, see the README), and
 * the newsroom's own list, `scripts/data/names.txt`, read every time the model loads.
 *
 * A compiled file holds `LIST<TAB>key` lines, the key being the name's tokens lower-cased
 * and joined by spaces, so loading is a split and a map insert, no tokenizing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tokenize } from '../segment/tokenize.ts';
import { LIST_TYPES, MAX_PHRASE_TOKENS, type Gazetteer, type ListType } from './gazetteer.ts';

/** Where `kb train` writes the compiled lists and the model reads them. */
export const NAMES_DIR = fileURLToPath(new URL('./models/names/', import.meta.url));

/** The newsroom's own names: `person|organization|place<TAB>Name` lines. */
export const USER_NAMES_PATH = fileURLToPath(new URL('../data/names.txt', import.meta.url));

interface Row {
  name: string;
  aliases: string[];
  subtype: string;
  info: Map<string, string>;
}

/** Which lists a row of a source file goes to, and whether its aliases go too. */
interface Source {
  /** The source's file under `world/gazetteers/`, without `.tsv.gz`. */
  file: string;
  lists: (row: Row) => ListType[];
  aliases?: (row: Row) => boolean;
  /** More names a row stands for (a country's demonyms). */
  more?: (row: Row) => Array<[ListType, string]>;
}

const population = (row: Row): number => Number(row.info.get('population') ?? 0);

/** GeoNames feature codes of capitals and the seats of first and second-level divisions. */
const SEATS = new Set(['city/PPLC', 'city/PPLA', 'city/PPLA2']);

export const SOURCES: readonly Source[] = [
  {
    file: 'places-countries',
    lists: () => ['COUNTRY'],
    aliases: () => true,
    more: (row) =>
      (row.info.get('demonyms') ?? '')
        .split(',')
        .filter(Boolean)
        .map((demonym) => ['NATIONALITY', demonym.trim()]),
  },
  { file: 'places-subdivisions', lists: () => ['REGION'], aliases: () => true },
  {
    file: 'places-geonames-cities1000',
    lists: (row) => {
      const n = population(row);
      if (n < 5000 && !SEATS.has(row.subtype)) return [];
      return n >= 100_000 ? ['CITY', 'BIG_CITY'] : ['CITY'];
    },
    // Other languages' exonyms of small places are mostly noise ("Moembaai").
    aliases: (row) => population(row) >= 50_000,
  },
  { file: 'organizations-companies-listed', lists: () => ['COMPANY'], aliases: () => true },
  { file: 'organizations-political-parties', lists: () => ['PARTY'], aliases: () => true },
  { file: 'organizations-universities', lists: () => ['UNIVERSITY'], aliases: () => true },
  { file: 'organizations-football-clubs', lists: () => ['CLUB'], aliases: () => true },
  { file: 'organizations-news-outlets', lists: () => ['OUTLET'], aliases: () => true },
  { file: 'sites-brands-simpleicons', lists: () => ['BRAND'], aliases: () => true },
  { file: 'persons-politicians', lists: () => ['POLITICIAN'], aliases: () => true },
  {
    file: 'persons-name-parts-by-country',
    lists: (row) => [row.subtype.endsWith('surname') ? 'SURNAME' : 'GIVEN'],
  },
];

/** A name's gazetteer key: its tokens, lower-cased, space-joined; null if unusable. */
export function nameKey(name: string): string | null {
  const words = tokenize(name).map((token) => token.text);
  if (!words.length || words.length > MAX_PHRASE_TOKENS) return null;
  // One- and two-letter names ("Of", "La") and names without a letter match too much.
  if (words.length === 1 && (words[0] as string).length < 3) return null;
  if (!/\p{L}/u.test(name)) return null;
  return words.join(' ').toLowerCase();
}

function readRows(file: string): Row[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const [name = '', , aliases = '', , subtype = '', , info = ''] = line.split('\t');
      return {
        name,
        aliases: aliases ? aliases.split('|') : [],
        subtype,
        info: new Map(
          info
            .split(';')
            .filter(Boolean)
            .map((pair) => {
              const at = pair.indexOf('=');
              return [pair.slice(0, at), pair.slice(at + 1)] as [string, string];
            }),
        ),
      };
    });
}

/**
 * Compiles the world gazetteers into `outDir` (one `<source>.tsv.gz` each, sorted lines,
 * byte-identical for the same input). Returns how many names each file holds.
 */
export function compileWorldNames(worldDir: string, outDir = NAMES_DIR): Map<string, number> {
  mkdirSync(outDir, { recursive: true });
  const counts = new Map<string, number>();
  for (const source of SOURCES) {
    const path = join(worldDir, 'gazetteers', `${source.file}.tsv.gz`);
    if (!existsSync(path)) continue;
    const lines = new Set<string>();
    for (const row of readRows(path)) {
      const names = [row.name, ...(source.aliases?.(row) ? row.aliases : [])];
      for (const list of source.lists(row)) {
        for (const name of names) {
          const key = nameKey(name);
          if (key) lines.add(`${list}\t${key}`);
        }
      }
      for (const [list, name] of source.more?.(row) ?? []) {
        const key = nameKey(name);
        if (key) lines.add(`${list}\t${key}`);
      }
    }
    const sorted = [...lines].sort();
    writeFileSync(
      join(outDir, `${source.file}.tsv.gz`),
      gzipSync(sorted.join('\n') + '\n', { level: 9 }),
    );
    counts.set(source.file, sorted.length);
  }
  return counts;
}

function setBit(gazetteer: Gazetteer, key: string, list: ListType): void {
  gazetteer.set(key, (gazetteer.get(key) ?? 0) | (1 << LIST_TYPES.indexOf(list)));
}

/** Adds the compiled world lists of `dir` to `gazetteer`. */
export function addWorldNames(gazetteer: Gazetteer, dir = NAMES_DIR): Gazetteer {
  if (!existsSync(dir)) return gazetteer;
  const bits = new Map(LIST_TYPES.map((list, i) => [list as string, 1 << i]));
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv.gz'))
    .sort()) {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    for (let at = 0; at < text.length;) {
      const tab = text.indexOf('\t', at);
      if (tab < 0) break;
      const end = text.indexOf('\n', tab);
      const stop = end < 0 ? text.length : end;
      const list = text.slice(at, tab);
      const bit = bits.get(list);
      if (!bit)
        throw new Error(`${join(dir, file)}: unknown list ${list}; recompile with kb train`);
      const key = text.slice(tab + 1, stop);
      gazetteer.set(key, (gazetteer.get(key) ?? 0) | bit);
      at = stop + 1;
    }
  }
  return gazetteer;
}

/** What a line of the user's list says a name is, as the tagger's learnt lists. */
const USER_LISTS: Record<string, ListType> = {
  person: 'PER',
  organization: 'ORG',
  site: 'ORG',
  place: 'LOC',
  event: 'MISC',
  campaign: 'MISC',
};

/**
 * Adds the newsroom's own names (`type<TAB or spaces>Name`, `#` comments) to the lists the
 * tagger learnt to trust from annotated names; an unknown type names the file and line.
 */
export function addUserNames(gazetteer: Gazetteer, path = USER_NAMES_PATH): Gazetteer {
  if (!existsSync(path)) return gazetteer;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) return;
      const match = /^(\S+)\s+(.+)$/.exec(line);
      const list = match ? USER_LISTS[match[1]!.toLowerCase()] : undefined;
      if (!match || !list) {
        throw new Error(
          `${path}:${index + 1}: "${raw.trim()}" should be a type (${Object.keys(USER_LISTS).join(', ')}), a tab and a name`,
        );
      }
      const key = nameKey(match[2]!.trim());
      if (key) setBit(gazetteer, key, list);
    });
  return gazetteer;
}
