/**
 * Cross-document entity clustering on ECB+: every topic's documents are one knowledge base
 * run through the product's own pipeline (segment → recognize → resolve across articles),
 * and the clusters of gold PERSON and ORGANIZATION mentions are scored with B³ against
 * the gold cross-document clusters. Only gold mentions the system found (a predicted
 * mention overlapping the gold span) can be scored for clustering, so mention recall is
 * reported next to it. Tune on topics 1–35 (dev); 36–45 (test) are for the final figure.
 */
import { articleId } from '../core/ids.ts';
import { createRecognizers, recognizeMentions } from '../recognize/index.ts';
import type { Recognizer } from '../recognize/types.ts';
import { resolveEntities } from '../resolve/index.ts';
import { segmentPlainText } from '../segment/index.ts';
import { addB3, b3Scores, b3Sums, emptyB3, type B3Sums } from './ecbplus-b3.ts';
import {
  DEV_TOPICS,
  docsByTopic,
  PERSON_ORG_TAGS,
  readEcbDocs,
  type EcbDoc,
} from './ecbplus-data.ts';

export { hasEcbPlus } from './ecbplus-data.ts';

/** One topic's (or a split's) figures. */
export interface EcbTopicResult {
  topic: string;
  /** Gold PERSON/ORGANIZATION mentions, and those that are names (capitalized, not "I"/"We"). */
  gold: number;
  goldNames: number;
  /** Of those, found by the system (span overlap). */
  found: number;
  foundNames: number;
  /** B³ over found mentions of gold coreference chains (cross- or within-document). */
  b3: B3Sums;
  /** The same with gold singletons counted as clusters of one (see `isChain`). */
  b3WithSingletons: B3Sums;
}

export interface EcbPlusResult {
  split: 'dev' | 'test';
  topics: EcbTopicResult[];
  total: EcbTopicResult;
  seconds: number;
}

/** A system mention as character offsets into the ECB+ text, with its entity. */
export interface SystemMention {
  doc: string;
  start: number;
  end: number;
  /** The entity's number and type, unique within a topic. */
  entity: string;
  /** The entity's page name and type. */
  name: string;
  type: string;
}

/**
 * The pipeline's inputs for ECB+ documents. Every line (a sentence in ECB+) becomes its own
 * paragraph, so that "earlier in the article" means what it does in a real build;
 * `toOriginal` maps a body offset back to the ECB+ text.
 */
export function pipelineInputs(docs: EcbDoc[], recognizers: Recognizer[]) {
  return docs.map((d) => {
    const lines = d.text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const line of lines) (starts.push(at), (at += line.length + 2));
    const article = {
      id: articleId(d.doc.replace(/\.xml$/, '')),
      slug: d.doc,
      file: d.doc,
      meta: { title: lines[0] ?? d.doc, authors: [], language: 'en' },
      body: lines.join('\n\n'),
      bodyLine: 1,
      hash: d.doc,
    };
    const doc = segmentPlainText(article, { linesAreSentences: true });
    // Each body line starts one extra "\n" per earlier line later than in the ECB+ text.
    const toOriginal = (x: number) => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > x) i--;
      return x - i;
    };
    return { d, doc, toOriginal, mentions: recognizeMentions(doc, recognizers) };
  });
}

/** The pipeline over one topic: every system mention with the entity it was resolved to. */
export function runTopic(docs: EcbDoc[], recognizers: Recognizer[]): SystemMention[] {
  const inputs = pipelineInputs(docs, recognizers);
  const byArticle = new Map(inputs.map((x) => [x.doc.article.id as string, x]));
  const { entities, review } = resolveEntities(inputs, [], { threshold: 0 });
  return [...entities, ...review].flatMap((e, n) =>
    e.mentions.map((m) => {
      const x = byArticle.get(m.article)!;
      const base = x.doc.offsets.get(m.paragraph)!;
      return {
        doc: x.d.doc,
        start: x.toOriginal(base + m.start),
        end: x.toOriginal(base + m.end),
        entity: `${n}:${e.type}`,
        name: e.name,
        type: e.type,
      };
    }),
  );
}

/**
 * ECB+ links a participant only where it takes part in an annotated event; every other
 * mention is a "singleton", even the 35 unlinked "LaRue"s of topic 28 whose person has a
 * cross-document chain. Scoring singletons as clusters of one would punish right merges,
 * so B³ is over chain mentions and the figure with singletons is given beside it.
 */
export const isChain = (cluster: string) => !cluster.startsWith('SINGLETON:');

const NOT_NAMES = /^(?:I|We|He|She|It|They|The|A|An)\b/;
export const isName = (text: string) => /^\p{Lu}/u.test(text) && !NOT_NAMES.test(text);
export const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A topic result with nothing counted yet. */
function emptyTopic(topic: string): EcbTopicResult {
  return {
    topic,
    gold: 0,
    goldNames: 0,
    found: 0,
    foundNames: 0,
    b3: emptyB3(),
    b3WithSingletons: emptyB3(),
  };
}

/** Scores one topic: mention recall, and B³ over the gold mentions that were found. */
export function scoreTopic(docs: EcbDoc[], system: SystemMention[], topic: string): EcbTopicResult {
  const result = emptyTopic(topic);
  const gold = new Map<string, string>();
  const predicted = new Map<string, string>();
  const chains = new Set<string>();
  for (const d of docs) {
    const here = system.filter((s) => s.doc === d.doc);
    for (const m of d.mentions) {
      if (!PERSON_ORG_TAGS.has(m.tag)) continue;
      const name = isName(m.text);
      result.gold++;
      if (name) result.goldNames++;
      const best = here
        .filter((s) => overlap(s, m) > 0)
        .sort((a, b) => overlap(b, m) - overlap(a, m))[0];
      if (!best) continue;
      result.found++;
      if (name) result.foundNames++;
      const key = `${d.doc}@${m.start}`;
      gold.set(key, m.cluster);
      if (isChain(m.cluster)) chains.add(key);
      predicted.set(key, best.entity);
    }
  }
  const only = (labels: Map<string, string>) =>
    new Map([...labels].filter(([key]) => chains.has(key)));
  result.b3 = b3Sums(only(gold), only(predicted));
  result.b3WithSingletons = b3Sums(gold, predicted);
  return result;
}

/** Runs and scores the topics of one split. */
export function evaluateEcbPlus(
  options: { split?: 'dev' | 'test'; topics?: number[] } = {},
): EcbPlusResult {
  const split = options.split ?? 'dev';
  const started = performance.now();
  const recognizers = createRecognizers({ curated: [] });
  const topics: EcbTopicResult[] = [];
  for (const [topic, docs] of docsByTopic(readEcbDocs())) {
    if (DEV_TOPICS(topic) !== (split === 'dev')) continue;
    if (options.topics && !options.topics.includes(topic)) continue;
    topics.push(scoreTopic(docs, runTopic(docs, recognizers), String(topic)));
  }
  const total = emptyTopic('all');
  for (const t of topics) {
    for (const k of ['gold', 'goldNames', 'found', 'foundNames'] as const) total[k] += t[k];
    addB3(total.b3, t.b3);
    addB3(total.b3WithSingletons, t.b3WithSingletons);
  }
  return { split, topics, total, seconds: (performance.now() - started) / 1000 };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** One line per topic and a total line (micro-averaged over mentions). */
export function formatEcbPlusResult(r: EcbPlusResult): string {
  const row = (t: EcbTopicResult) => {
    const { precision, recall, f1 } = b3Scores(t.b3);
    return `  ${t.topic.padStart(4)}  ${pct(precision)} ${pct(recall)} ${pct(f1)}   ${pct(t.found / (t.gold || 1))} ${pct(t.foundNames / (t.goldNames || 1))}  ${String(t.b3.items).padStart(5)}`;
  };
  const label =
    r.split === 'dev' ? 'dev (topics 1–35, for tuning)' : 'test (topics 36–45, read once)';
  return [
    `ECB+ ${label}: B³ over found gold PERSON/ORGANIZATION chain mentions, ${r.seconds.toFixed(1)} s`,
    `  topic  B3-P  B3-R  B3-F1   m-rec name-rec  scored`,
    ...r.topics.map(row),
    row(r.total),
    `  with gold singletons as clusters of one: B³ F1 ${pct(b3Scores(r.total.b3WithSingletons).f1).trim()} over ${r.total.b3WithSingletons.items} found mentions`,
    `  (m-rec: share of all gold mentions found, pronouns and descriptions included; name-rec: of capitalized names)`,
  ].join('\n');
}
