/**
 * Two-stage prediction aggregation (Ratinov & Roth 2009, §6.3; Krishnan & Manning 2006):
 * a first tagger labels the whole document, and a second tagger sees, for each
 * capitalised word, how the first one labelled the same word elsewhere in the document,
 * before and after it, and in which longer names it appeared ("Mercantile" alone after
 * "Mercantile Bancorp Inc." is an organization too). It is what lets a name that is
 * clear in one sentence decide an ambiguous mention in another.
 */
import { combine, hashString } from './hash.ts';
import { ENTITY_CLASSES, classOf, partOf } from './labels.ts';
import { isCapitalized } from './shape.ts';

const [SEEN, SEEN_MAJOR, IN_NAME, FIRST_PASS, FIRST_PASS_NEAR, FIRST_PASS_WORD] = [
  'agg',
  'aggmaj',
  'aggname',
  'p1',
  'p1near',
  'p1w',
].map((name) => hashString(name)) as number[] as [number, number, number, number, number, number];

const O_SLOT = ENTITY_CLASSES.length;

/**
 * For every token of every sentence, the aggregation features (32-bit hashes) computed
 * from the first pass's `labels` over the document's `sentences`.
 */
export function aggregateFeatures(
  sentences: readonly (readonly string[])[],
  labels: readonly ArrayLike<number>[],
): Uint32Array[][] {
  // Class counts per capitalised word, and (class, part) of each occurrence inside a longer name.
  const counts = new Map<string, Int32Array>();
  const inNames = new Map<string, Set<number>>();
  sentences.forEach((words, s) => {
    const row = labels[s] as ArrayLike<number>;
    words.forEach((word, i) => {
      if (!isCapitalized(word)) return;
      const key = word.toLowerCase();
      const label = row[i] as number;
      const type = classOf(label);
      const c = counts.get(key) ?? new Int32Array(O_SLOT + 1);
      c[type < 0 ? O_SLOT : type]! += 1;
      counts.set(key, c);
      const part = partOf(label);
      if (type >= 0 && part !== 3) {
        const set = inNames.get(key) ?? new Set<number>();
        set.add(type * 4 + part);
        inNames.set(key, set);
      }
    });
  });
  const own = new Int32Array(O_SLOT + 1);
  return sentences.map((words, s) => {
    const row = labels[s] as ArrayLike<number>;
    return words.map((word, i) => {
      const label = row[i] as number;
      const out: number[] = [combine(FIRST_PASS, label)];
      out.push(combine(FIRST_PASS_NEAR, combine(i > 0 ? (row[i - 1] as number) : -1, label)));
      out.push(
        combine(
          FIRST_PASS_NEAR + 1,
          combine(label, i + 1 < words.length ? (row[i + 1] as number) : -1),
        ),
      );
      if (!isCapitalized(word)) return Uint32Array.from(out);
      const key = word.toLowerCase();
      out.push(combine(FIRST_PASS_WORD, label));
      // Counts over the other occurrences: this one's own label is removed.
      own.set(counts.get(key) as Int32Array);
      const type = classOf(label);
      own[type < 0 ? O_SLOT : type]! -= 1;
      let total = 0;
      for (let c = 0; c <= O_SLOT; c++) total += own[c] as number;
      for (let c = 0; c <= O_SLOT && total > 0; c++) {
        const n = own[c] as number;
        if (n === 0) continue;
        out.push(combine(SEEN, c));
        if (n * 2 > total) out.push(combine(SEEN_MAJOR, c));
      }
      for (const code of inNames.get(key) ?? []) {
        // Skip the name this token is itself part of when it is its only such occurrence.
        if (code === classOf(label) * 4 + partOf(label) && own[classOf(label)] === 0) continue;
        out.push(combine(IN_NAME, code));
      }
      return Uint32Array.from(out);
    });
  });
}
