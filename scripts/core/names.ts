/**
 * Names as text from anywhere: one Unicode form (NFC) so that a name typed on macOS
 * (NFD) and on Windows (NFC) is one name; no invisible characters or bidirectional
 * controls inside a name, where they could make a second page that looks like the first
 * or flip the text after it (Unicode TR #36, "Unicode Security Considerations"); and a
 * skeleton that folds look-alike letters of another script inside a Latin word
 * ("Mаtthew" with a Cyrillic "а"), after Unicode TS #39's confusable detection.
 */

/** Printable ASCII: a name of only these needs no Unicode work (most names). */
const ASCII = /^[\x20-\x7E]*$/;
/**
 * Invisible format characters that may sit inside a name without showing: zero-width
 * space, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator, and the
 * invisible operators. ZWJ and ZWNJ are left alone here: Persian, Indic scripts and
 * emoji sequences need them; keys and slugs drop them (`withoutJoiners`).
 */
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/gu;
/** Bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
/** Zero-width joiner and non-joiner. */
const JOINERS = /[\u200C\u200D]/gu;
// The same classes, to test for one (a global pattern's test would move its `lastIndex`).
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
const HAS_BIDI = new RegExp(BIDI.source, 'u');

/** Whether the text holds a bidirectional control (a title or name that would reorder its neighbours). */
export function hasBidiControl(text: string): boolean {
  return HAS_BIDI.test(text);
}

/** Whether the text holds an invisible format character (`INVISIBLE`). */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** The text without zero-width joiners, for keys and slugs. */
export function withoutJoiners(text: string): string {
  return text.replace(JOINERS, '');
}

/** A name as Dossier keeps it: NFC, without invisible or bidi characters, spaces collapsed. */
export function normalizeName(name: string): string {
  // Most names are ASCII: nothing to normalize but spaces (resolution calls this per mention).
  if (ASCII.test(name)) return name.replace(/\s+/g, ' ').trim();
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(BIDI, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A field's text without bidi controls (which would reorder the page around it), NFC. */
export function stripBidi(text: string): string {
  return text.normalize('NFC').replace(BIDI, '');
}

/**
 * Cyrillic and Greek letters drawn like Latin ones (from Unicode's confusables.txt, the
 * single-letter entries between these scripts), by the Latin letter they pass for.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ү: 'Y',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  ϲ: 'c',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;
const WORD = /[\p{L}\p{M}]+/gu;

/** The scripts of a word's letters, among Latin, Cyrillic and Greek. */
function scriptsOf(word: string): string[] {
  return SCRIPTS.filter(([, re]) => re.test(word)).map(([name]) => name);
}

/** Whether letters of these scripts in one word are a look-alike: Latin with another. */
const mixesWithLatin = (scripts: string[]) => scripts.length > 1 && scripts.includes('Latin');

/**
 * Words of `name` that mix Latin with Cyrillic or Greek letters: a look-alike letter,
 * almost never a real spelling. Empty for names in one script, whatever the script.
 */
export function mixedScriptWords(name: string): Array<{ word: string; scripts: string[] }> {
  const found: Array<{ word: string; scripts: string[] }> = [];
  for (const [word] of name.matchAll(WORD)) {
    const scripts = scriptsOf(word);
    if (mixesWithLatin(scripts)) found.push({ word, scripts });
  }
  return found;
}

/**
 * A name as a page shows it: normalized (`normalizeName`), and in each word that mixes
 * Latin with Cyrillic or Greek the look-alike letters replaced by the Latin ones they pass
 * for, so that "Mаtthew Prince" (a Cyrillic "а") is shown, and merged, as "Matthew Prince".
 * The mention keeps the text as written, for `lookAlikeNames` to report.
 */
export function displayName(name: string): string {
  const clean = normalizeName(name);
  if (ASCII.test(clean)) return clean;
  return clean.replace(WORD, (word) =>
    mixesWithLatin(scriptsOf(word)) ? [...word].map((ch) => CONFUSABLES[ch] ?? ch).join('') : word,
  );
}

/** The text that name keys are made from: `displayName`, without joiners (ZWJ, ZWNJ). */
export function nameKeyText(name: string): string {
  return withoutJoiners(displayName(name));
}

/** What `lookAlikeNames` reads of an entity (a `kb.json` entity fits). */
interface NamedEntity {
  id: string;
  name: string;
  aliases: string[];
  mentions: Array<{ article: string; paragraph: string; text: string }>;
}

/**
 * Names in the knowledge base written with a look-alike letter of another script, one
 * line each with where it stands and what to do: `kb check` fails on them and
 * `kb extract --review` lists them, so that an editor retypes the name.
 */
export function lookAlikeNames(entities: NamedEntity[]): string[] {
  const lines: string[] = [];
  for (const entity of entities) {
    const seen = new Set<string>();
    const forms = [
      { text: entity.name, where: 'its name' },
      ...entity.aliases.map((text) => ({ text, where: 'an alias' })),
      ...entity.mentions.map((m) => ({ text: m.text, where: `${m.article} ¶${m.paragraph}` })),
    ];
    for (const { text, where } of forms) {
      if (seen.has(text)) continue;
      seen.add(text);
      for (const { word, scripts } of mixedScriptWords(text))
        lines.push(
          `${entity.id}: "${text}" (${where}) mixes ${scripts.join(' and ')} letters in "${word}", a look-alike letter? (retype it in the article or curated entity)`,
        );
    }
  }
  return lines;
}
