/**
 * Why ECB+ clustering loses points, by category, so that tuning (on dev, never test) goes to
 * the largest kinds of error first: gold names never found, found with another span, found
 * on a place or other non-person entity, one gold entity split over several of ours, and
 * several gold entities merged into one of ours.
 */
import { createRecognizers } from '../recognize/index.ts';
import { isChain, isName, overlap, runTopic, type SystemMention } from './ecbplus.ts';
import {
  DEV_TOPICS,
  docsByTopic,
  PERSON_ORG_TAGS,
  readEcbDocs,
  type EcbDoc,
} from './ecbplus-data.ts';
import { tallyError, type ErrorCategories } from './polnear-errors.ts';

const PERSON_OR_ORG = new Set(['person', 'organization', 'site', 'campaign']);

/** A found gold mention with the system mention that covers it best. */
interface Found {
  doc: string;
  text: string;
  cluster: string;
  descriptor: string;
  system: SystemMention;
}

/** "Obama ×3, Barack Obama" */
function forms(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => (n > 1 ? `${t} ×${n}` : t))
    .join(', ');
}

const groupBy = <T>(items: T[], key: (x: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const list = groups.get(key(x));
    if (list) list.push(x);
    else groups.set(key(x), [x]);
  }
  return groups;
};

/** Tallies one topic's errors into `tally`. */
export function tallyTopicErrors(
  docs: EcbDoc[],
  system: SystemMention[],
  tally: ErrorCategories,
  keep: number,
): void {
  const found: Found[] = [];
  for (const d of docs) {
    const here = system.filter((s) => s.doc === d.doc);
    for (const m of d.mentions) {
      if (!PERSON_ORG_TAGS.has(m.tag)) continue;
      const best = here
        .filter((s) => overlap(s, m) > 0)
        .sort((a, b) => overlap(b, m) - overlap(a, m))[0];
      const name = isName(m.text);
      const context = `${d.doc}: ${d.text.slice(Math.max(0, m.start - 40), m.end + 30).replace(/\n/g, ' ')}`;
      if (!best) {
        if (name && isChain(m.cluster))
          tallyError(tally, 'gold chain name not found', `"${m.text}" in ${context}`, keep);
        continue;
      }
      const systemText = d.text.slice(best.start, best.end);
      if (name && isChain(m.cluster) && (best.start !== m.start || best.end !== m.end))
        tallyError(tally, 'found, other span', `"${m.text}" → "${systemText}"`, keep);
      if (isChain(m.cluster))
        found.push({
          doc: d.doc,
          text: m.text,
          cluster: m.cluster,
          descriptor: (m as { descriptor?: string | null }).descriptor ?? m.cluster,
          system: best,
        });
    }
  }
  // One gold entity over several of ours: every part but the largest is an error.
  for (const [, mentions] of groupBy(found, (f) => f.cluster)) {
    const parts = [...groupBy(mentions, (f) => f.system.entity).values()].sort(
      (a, b) => b.length - a.length,
    );
    const main = parts[0]!;
    for (const part of parts.slice(1)) {
      const s = part[0]!.system;
      const category = !PERSON_OR_ORG.has(s.type)
        ? `split: on a ${s.type}`
        : !part.some((f) => isName(f.text))
          ? 'split: description or pronoun on another entity'
          : part.every((f) => main.some((g) => g.doc === f.doc))
            ? 'split: name, within a document'
            : 'split: name, across documents';
      const example = `${main[0]!.descriptor}: "${main[0]!.system.name}" (${main[0]!.system.type}; ${forms(main.map((f) => f.text))}) | "${s.name}" (${s.type}; ${forms(part.map((f) => f.text))})`;
      for (let i = 0; i < part.length; i++) tallyError(tally, category, example, i ? 0 : keep);
    }
  }
  // Several gold entities in one of ours: every mention outside the largest is an error.
  for (const [, mentions] of groupBy(found, (f) => f.system.entity)) {
    const chains = [...groupBy(mentions, (f) => f.cluster).values()].sort(
      (a, b) => b.length - a.length,
    );
    for (const chain of chains.slice(1)) {
      const example = `"${chain[0]!.system.name}" (${chain[0]!.system.type}): ${chains.map((c) => `${c[0]!.descriptor} (${forms(c.map((f) => f.text))})`).join(' | ')}`;
      for (let i = 0; i < chain.length; i++)
        tallyError(tally, 'merged: another gold entity', example, i ? 0 : keep);
    }
  }
}

/** Error categories over the dev topics (the test topics are not for reading). */
export function ecbPlusErrors(keep = 5, topics?: number[]): ErrorCategories {
  const recognizers = createRecognizers({ curated: [] });
  const tally: ErrorCategories = {};
  for (const [topic, docs] of docsByTopic(readEcbDocs())) {
    if (!DEV_TOPICS(topic)) continue;
    if (topics && !topics.includes(topic)) continue;
    tallyTopicErrors(docs, runTopic(docs, recognizers), tally, keep);
  }
  return tally;
}
