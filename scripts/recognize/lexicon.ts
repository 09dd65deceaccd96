/**
 * User-editable word lists (`scripts/data/*.txt`) that recognizers read: well-known
 * sites and the context cues that type a name. Data, not code.
 */
import { readFileSync } from 'node:fs';

/** The non-comment lines of a file under `scripts/data/`, trimmed. */
export function lines(name: string): string[] {
  return readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** Known site names: each line is `Name | alias | …`; the first is canonical. */
export function loadSiteList(): string[][] {
  return lines('sites.txt').map((line) =>
    line
      .split('|')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

export type CueSection =
  | 'site-after'
  | 'site-before'
  | 'campaign-after'
  | 'event-head'
  | 'person-before'
  | 'person-title'
  | 'title-modifier'
  | 'person-after'
  | 'organization-last'
  | 'place-before'
  | 'organization-role'
  | 'organization-noun';

/** Cue words by section, lowercased. */
export function loadCues(): Record<CueSection, Set<string>> {
  const cues = {} as Record<CueSection, Set<string>>;
  for (const line of lines('cues.txt')) {
    const [section, words = ''] = line.split(':');
    cues[section!.trim() as CueSection] = new Set(words.trim().toLowerCase().split(/\s+/));
  }
  return cues;
}
