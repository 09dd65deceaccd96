/**
 * B³ (Bagga & Baldwin 1998, "Algorithms for scoring coreference chains"): for every item,
 * precision is the share of its predicted cluster that is in its gold cluster, recall the
 * share of its gold cluster that is in its predicted cluster; both are averaged over items.
 */

/** Summed per-item precision and recall, so that scores add up over topics (micro average). */
export interface B3Sums {
  items: number;
  precision: number;
  recall: number;
}

export const emptyB3 = (): B3Sums => ({ items: 0, precision: 0, recall: 0 });

/** B³ sums for items labelled by gold and by predicted cluster (same keys in both maps). */
export function b3Sums<K>(gold: Map<K, string>, predicted: Map<K, string>): B3Sums {
  const members = (labels: Map<K, string>) => {
    const clusters = new Map<string, Set<K>>();
    for (const [item, label] of labels) {
      const set = clusters.get(label);
      if (set) set.add(item);
      else clusters.set(label, new Set([item]));
    }
    return clusters;
  };
  const goldClusters = members(gold);
  const predictedClusters = members(predicted);
  const sums = emptyB3();
  for (const [item, label] of gold) {
    const g = goldClusters.get(label)!;
    const p = predictedClusters.get(predicted.get(item)!)!;
    let both = 0;
    for (const x of p) if (g.has(x)) both++;
    sums.items++;
    sums.precision += both / p.size;
    sums.recall += both / g.size;
  }
  return sums;
}

/** Adds `b` into `a`. */
export function addB3(a: B3Sums, b: B3Sums): B3Sums {
  a.items += b.items;
  a.precision += b.precision;
  a.recall += b.recall;
  return a;
}

/** Precision, recall and F1 from sums. */
export function b3Scores(s: B3Sums): { precision: number; recall: number; f1: number } {
  const precision = s.items ? s.precision / s.items : 0;
  const recall = s.items ? s.recall / s.items : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
