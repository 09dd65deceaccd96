/**
 * The user-editable word lists for quote attribution (`scripts/data/speech-verbs.txt`):
 * speech verbs, pronouns and the nouns that refer back to a speaker. Data, not code.
 */
import { readFileSync } from 'node:fs';

export type QuoteWordSection =
  | 'verbs'
  | 'clause-words'
  | 'addressee-cues'
  | 'object-before'
  | 'source-after'
  | 'person-pronouns'
  | 'group-pronouns'
  | 'organization-pronouns'
  | 'organization-nouns'
  | 'person-nouns'
  | 'document-nouns';

/** Each section as a set of lowercase entries; phrases keep their words space-separated. */
export type QuoteLexicon = Record<QuoteWordSection, Set<string>>;

const FILE = new URL('../data/speech-verbs.txt', import.meta.url);
let cached: QuoteLexicon | undefined;

/** Parses the file's text: `section: word word_word …` lines, `#` comments. */
export function parseQuoteLexicon(source: string): QuoteLexicon {
  const lexicon = {} as QuoteLexicon;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const words = line
      .slice(colon + 1)
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => word.replaceAll('_', ' '));
    lexicon[line.slice(0, colon).trim() as QuoteWordSection] = new Set(words);
  }
  for (const section of SECTIONS) lexicon[section] ??= new Set();
  return lexicon;
}

const SECTIONS: QuoteWordSection[] = [
  'verbs',
  'clause-words',
  'addressee-cues',
  'object-before',
  'source-after',
  'person-pronouns',
  'group-pronouns',
  'organization-pronouns',
  'organization-nouns',
  'person-nouns',
  'document-nouns',
];

/** The lexicon, read once per process. */
export function loadQuoteLexicon(): QuoteLexicon {
  cached ??= parseQuoteLexicon(readFileSync(FILE, 'utf8'));
  return cached;
}
