/**
 * The user-editable role words (`scripts/data/roles.txt`): roles held at an organization
 * ("CEO"), roles that stand alone ("activist") and titles written before a name ("Rep.").
 * Data, not code; compiled once into the patterns `roles.ts` matches.
 */
import { readFileSync } from 'node:fs';

/** A role that takes an organization ("CEO of …"), or one that describes a person alone. */
export type RoleKind = 'of' | 'standalone';

export interface RoleLexicon {
  /** Lowercase role phrase → kind. */
  roles: Map<string, RoleKind>;
  /** Title as written ("Rep.") → the role it stands for ("Representative"). */
  titles: Map<string, string>;
  /** Matches any role phrase as a whole word, case-insensitively (global). */
  pattern: RegExp;
}

const FILE = new URL('../data/roles.txt', import.meta.url);
let cached: RoleLexicon | undefined;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses the file's text: `section: word word_word …` lines, `#` comments. */
export function parseRoleLexicon(source: string): RoleLexicon {
  const roles = new Map<string, RoleKind>();
  const titles = new Map<string, string>();
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    if (!line || line.startsWith('#') || colon < 0) continue;
    const section = line.slice(0, colon).trim();
    for (const entry of line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean)) {
      if (section === 'titles') {
        const [title, role] = entry.split('=');
        if (title && role) titles.set(title, role.replaceAll('_', ' '));
      } else if (section === 'of-organization' || section === 'standalone') {
        roles.set(
          entry.replaceAll('_', ' ').toLowerCase(),
          section === 'standalone' ? 'standalone' : 'of',
        );
      }
    }
  }
  // Longest first, so that "chief executive officer" wins over "chief executive".
  const alternatives = [...roles.keys()]
    .sort((a, b) => b.length - a.length)
    .map((role) => escape(role).replaceAll(' ', '\\s+'));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|') || '(?!)'})(?![\\p{L}\\p{N}-])`,
    'giu',
  );
  return { roles, titles, pattern };
}

/** The lexicon, read once per process. */
export function loadRoleLexicon(): RoleLexicon {
  cached ??= parseRoleLexicon(readFileSync(FILE, 'utf8'));
  return cached;
}

/** The kind of a role phrase as matched in text (any case, any spacing). */
export function roleKind(lexicon: RoleLexicon, phrase: string): RoleKind | undefined {
  return lexicon.roles.get(phrase.toLowerCase().replace(/\s+/g, ' '));
}
