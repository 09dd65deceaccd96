/**
 * Gazetteer recognizer: exact (case-insensitive, capitalized-in-text) matches of
 * curated entity names and aliases (`content/entities/`) and of the well-known sites
 * list (`scripts/data/sites.txt`). Longest match wins.
 */
import type { EntityType } from '../core/schema.ts';
import { tokenize } from '../segment/tokenize.ts';
import type { Mention } from '../core/types.ts';
import { lower, mentionOf } from './helpers.ts';
import { loadSiteList } from './lexicon.ts';
import type { RecognizerFactory } from './types.ts';

interface Entry {
  type: EntityType;
  /** The canonical name the matched words stand for. */
  canonical: string;
  score: number;
}

/**
 * How a name's first word may start: a capital, a digit, `#`/`@`, a letter of a script
 * without case (Arabic, Hebrew, Devanagari, CJK: `\p{Lo}`) or an emoji. Not a small letter:
 * "apple" in running text is no name.
 */
const NAME_START = /^(?:[\p{Lu}\p{Lt}\p{Lo}\p{N}#@]|\p{Extended_Pictographic})/u;

function key(words: string[]): string {
  return words.map((w) => w.toLowerCase().replace(/’/g, "'")).join(' ');
}

export const gazetteerRecognizer: RecognizerFactory = ({ curated }) => {
  const entries = new Map<string, Entry>();
  let longest = 1;
  const add = (name: string, entry: Entry) => {
    const words = tokenize(name).map((t) => t.text);
    if (!words.length || entries.has(key(words))) return;
    entries.set(key(words), entry);
    longest = Math.max(longest, words.length);
  };
  // Curated entities first: they win over the shipped list.
  for (const entity of curated) {
    for (const name of [entity.name, ...entity.aliases])
      add(name, { type: entity.type, canonical: entity.name, score: 1 });
  }
  for (const [canonical, ...aliases] of loadSiteList()) {
    for (const name of [canonical!, ...aliases])
      add(name, { type: 'site', canonical: canonical!, score: 0.9 });
  }

  return {
    name: 'gazetteer',
    anyLanguage: true,
    recognize(doc) {
      const out: Mention[] = [];
      for (const p of doc.paragraphs) {
        for (const { tokens } of p.sentences) {
          for (let i = 0; i < tokens.length; i++) {
            if (!NAME_START.test(tokens[i]!.text)) continue;
            for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
              const entry = entries.get(
                tokens
                  .slice(i, i + n)
                  .map(lower)
                  .join(' '),
              );
              if (!entry) continue;
              out.push({
                ...mentionOf(p, tokens, i, i + n, entry.type, entry.score, 'gazetteer'),
                canonical: entry.canonical,
              });
              i += n - 1;
              break;
            }
          }
        }
      }
      return out;
    },
  };
};
