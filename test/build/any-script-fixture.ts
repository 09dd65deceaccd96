/**
 * A content folder whose names cover Latin with diacritics, Nordic, Polish, Turkish,
 * Greek, Cyrillic, Arabic, Hebrew, Devanagari, CJK and emoji, an NFC/NFD pair, a
 * homoglyph (a Cyrillic "а" in a Latin name), an invisible character in a curated name,
 * and an article in German. Names in scripts the English tagger cannot read reach the
 * site as curated entities, as an editor would add them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const article = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;

/** Curated entities: folder (the URL's folder name or the type), file, front matter. */
const CURATED: Array<[string, string, string]> = [
  ['person', 'peskov.md', 'name: Дмитрий Песков\ndescription: Kremlin spokesman'],
  ['people', 'mbs.md', 'name: محمد بن سلمان\ndescription: Crown prince'],
  ['person', 'xi.md', 'name: 习近平'],
  ['person', 'netanyahu.md', 'name: בנימין נתניהו'],
  ['person', 'modi.md', 'name: नरेंद्र मोदी'],
  ['person', 'tsipras.md', 'name: Αλέξης Τσίπρας'],
  ['place', 'tokyo.md', 'name: 東京'],
  ['campaign', 'fire.md', 'name: 🔥 Fire Brigade Appeal'],
  // A zero-width space inside a curated name must not give a second "Matthew Prince".
  ['person', 'prince.md', 'name: "Matthew\u200B Prince"\ndescription: Cloudflare CEO'],
];

/** Article file → [front matter, body]. */
const ARTICLES: Record<string, [string, string]> = {
  'nordic.md': [
    'title: Nordic leaders meet\ndate: 2023-05-02',
    [
      'Prime Minister Jonas Gahr Støre met Lech Wałęsa in Łódź on Tuesday.',
      'Jonas Gahr Støre later flew to København, where Ørsted announced a new wind farm.',
      'Recep Tayyip Erdoğan spoke from İstanbul; Erdoğan said the talks would go on.',
    ].join('\n\n'),
  ],
  'world.md': [
    'title: Leaders in every script\ndate: 2023-05-03',
    [
      'Дмитрий Песков said the Kremlin had no comment. محمد بن سلمان met 习近平 in Riyadh.',
      'בנימין נתניהו and नरेंद्र मोदी spoke by phone, and Αλέξης Τσίπρας wrote from Athens.',
      'Visitors to 東京 joined the 🔥 Fire Brigade Appeal.',
    ].join('\n\n'),
  ],
  // The same name composed (NFC) and decomposed (NFD): one entity.
  'nfc.md': [
    'title: Composed',
    `${'José Martí'.normalize('NFC')} is remembered in Havana. Martí wrote verse.`,
  ],
  'nfd.md': [
    'title: Decomposed',
    `${'José Martí'.normalize('NFD')} was a poet, and Matthew Prince runs Cloudflare.`,
  ],
  // A look-alike letter: the Cyrillic "а" (U+0430) in "Mаtthew".
  'homoglyph.md': [
    'title: A look-alike',
    'Cloudflare chief executive M\u0430tthew Prince said the company would act.',
  ],
  'german.md': [
    'title: Ein Artikel auf Deutsch\nlanguage: de',
    'Die Bundesregierung beschloss am Mittwoch ein Klimaschutzgesetz. Kanzler Scholz sprach von einem Durchbruch.',
  ],
};

/** Writes the fixture into `contentDir`. */
export function writeAnyScriptContent(contentDir: string): void {
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  for (const [file, [front, body]] of Object.entries(ARTICLES))
    writeFileSync(join(contentDir, 'articles', file), article(front, body));
  for (const [folder, file, front] of CURATED) {
    mkdirSync(join(contentDir, 'entities', folder), { recursive: true });
    writeFileSync(join(contentDir, 'entities', folder, file), article(front, 'Curated.'));
  }
}

/** Entities the site must have, one page each: type and name as written. */
export const EXPECTED: Array<[string, string]> = [
  ['person', 'Jonas Gahr Støre'],
  ['person', 'Lech Wałęsa'],
  ['place', 'Łódź'],
  ['place', 'København'],
  ['person', 'Recep Tayyip Erdoğan'],
  ['person', 'Дмитрий Песков'],
  ['person', 'محمد بن سلمان'],
  ['person', '习近平'],
  ['person', 'בנימין נתניהו'],
  ['person', 'नरेंद्र मोदी'],
  ['person', 'Αλέξης Τσίπρας'],
  ['place', '東京'],
  ['campaign', '🔥 Fire Brigade Appeal'],
  ['person', 'José Martí'],
  ['person', 'Matthew Prince'],
];
