/**
 * Abbreviations that end in a period without ending a sentence, read from the
 * user-editable list `scripts/data/abbreviations.txt`.
 */
import { readFileSync } from 'node:fs';

const FILE = new URL('../data/abbreviations.txt', import.meta.url);

function load(): Set<string> {
  const words = readFileSync(FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return new Set(words);
}

/** Abbreviations such as `Rep`, `Aug` (without their period). */
export const ABBREVIATIONS: ReadonlySet<string> = load();

/** Initialisms like `U.S` or `R-Ga` or a lone initial `J`: also keep their period. */
export function isAbbreviation(word: string): boolean {
  return (
    ABBREVIATIONS.has(word) ||
    /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) ||
    /^\p{Lu}(?:\.\p{Lu})+$/u.test(word)
  );
}
