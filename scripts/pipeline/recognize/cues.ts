/**
 * Cue recognizer: proper-name chunks typed by the words around them ("Rep. X" and
 * "X said" → person, "… League" → organization, acronyms → organization, "in X" →
 * place). Low scores: it fills gaps the statistical tagger leaves, and types what the
 * tagger cannot when no model is present.
 */
import type { EntityType } from '../../schema.ts';
import type { Mention, Token } from '../types.ts';
import { lower, mentionOf } from './helpers.ts';
import { loadCues } from './lexicon.ts';
import { chunkNames } from './names.ts';
import type { RecognizerFactory } from './types.ts';

export const cueRecognizer: RecognizerFactory = () => {
  const cues = loadCues();

  function typeOf(tokens: Token[], from: number, to: number): [EntityType, number] | undefined {
    const words = tokens.slice(from, to);
    const last = words[words.length - 1]!.text;
    const prev = lower(tokens[from - 1]);
    const next = lower(tokens[to]);
    if (cues['organization-last'].has(last.toLowerCase())) return ['organization', 0.6];
    if (words.length === 1 && /^\p{Lu}{2,5}$/u.test(last)) return ['organization', 0.4];
    if (
      cues['person-before'].has(prev) ||
      (cues['person-before'].has(lower(tokens[from - 2])) && prev === 'former')
    )
      return ['person', 0.6];
    if (cues['person-after'].has(next) && words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text)))
      return ['person', 0.5];
    if (cues['place-before'].has(prev) && words.length <= 2) return ['place', 0.35];
    if (
      words.length >= 2 &&
      words.length <= 3 &&
      words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))
    )
      return ['person', 0.3];
    return undefined;
  }

  return {
    name: 'cues',
    recognize(doc) {
      const out: Mention[] = [];
      for (const p of doc.paragraphs) {
        for (const { tokens } of p.sentences) {
          for (const [from, to] of chunkNames(tokens)) {
            const typed = typeOf(tokens, from, to);
            if (typed) out.push(mentionOf(p, tokens, from, to, typed[0], typed[1], 'cues'));
          }
        }
      }
      return out;
    },
  };
};
