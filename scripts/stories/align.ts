/**
 * Sentence alignment between two versions of a story: each sentence of one version is
 * paired with the sentence of the other that shares most of its content words (Dice
 * coefficient), so that a reader can see how the other version words the same thing.
 * An inverted index keeps it near-linear; sentences too unlike anything stay unpaired.
 */
import { contentWords } from '../core/text-features.ts';

export interface AlignedSentence {
  /** Any key the caller uses to find the sentence again. */
  key: string;
  text: string;
}

export interface Alignment {
  /** Key of the best sentence in the other version. */
  key: string;
  /** Dice coefficient of content words, in [0, 1]. */
  score: number;
}

/** Below this overlap two sentences are not taken for the same statement. */
export const MIN_ALIGNMENT = 0.35;

/**
 * A version's sentences made ready for alignment: each one's content words, and which
 * sentences hold each word. Made once per version however many others it is aligned with.
 */
export interface PreparedSentences {
  keys: string[];
  words: Array<Set<string>>;
  index: Map<string, number[]>;
}

export function prepareSentences(sentences: AlignedSentence[]): PreparedSentences {
  const words = sentences.map((s) => new Set(contentWords(s.text)));
  const index = new Map<string, number[]>();
  words.forEach((set, i) => {
    for (const w of set) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  return { keys: sentences.map((s) => s.key), words, index };
}

/** For each sentence of `from`, its best match in `to` (when good enough), by key. */
export function alignSentences(
  from: AlignedSentence[] | PreparedSentences,
  to: AlignedSentence[] | PreparedSentences,
  minScore = MIN_ALIGNMENT,
): Map<string, Alignment> {
  const source = Array.isArray(from) ? prepareSentences(from) : from;
  const target = Array.isArray(to) ? prepareSentences(to) : to;
  const aligned = new Map<string, Alignment>();
  source.words.forEach((words, s) => {
    const shared = new Map<number, number>();
    for (const w of words)
      for (const i of target.index.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best: Alignment | undefined;
    for (const [i, count] of shared) {
      const score = (2 * count) / (words.size + target.words[i]!.size);
      if (score >= minScore && (!best || score > best.score))
        best = { key: target.keys[i]!, score };
    }
    if (best)
      aligned.set(source.keys[s]!, { ...best, score: Math.round(best.score * 1000) / 1000 });
  });
  return aligned;
}

/** True when two sentences say the same in the same words (case and spacing aside). */
export function sameWording(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}
