/**
 * ECB+ (Cybulska & Vossen 2014) as read from ../shared/corpora/ecbplus: news documents in
 * topics, each topic two "subtopics" (two similar events, e.g. two earthquakes), with
 * cross-document clusters of participants. Offsets are character offsets into the
 * tokenized `text`, one sentence per line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { appendTo } from '../core/collections.ts';

export const ECBPLUS_DIR = new URL('../../../shared/corpora/ecbplus/', import.meta.url);
const DOCS_FILE = new URL('docs.jsonl', ECBPLUS_DIR);

/** One annotated mention of an ECB+ document. */
export interface EcbMention {
  tag: string;
  start: number;
  end: number;
  text: string;
  /** Cross-document instance id, or a within-document/singleton id. */
  cluster: string;
}

export interface EcbDoc {
  doc: string;
  topic: number;
  subtopic: string;
  text: string;
  mentions: EcbMention[];
}

/**
 * Participant tags that are people or organizations. HUMAN_PART_GPE ("Washington said"),
 * _VEH, _MET, _FAC and _GENERIC are other kinds of participant and are left out.
 */
export const PERSON_ORG_TAGS: ReadonlySet<string> = new Set(['HUMAN_PART_PER', 'HUMAN_PART_ORG']);

/** Topics 1–35 are for tuning (dev); 36–45 are read once, for the reported figure (test). */
export const DEV_TOPICS = (topic: number) => topic <= 35;

/** Whether the corpus is present (it is not part of the repository). */
export function hasEcbPlus(): boolean {
  return existsSync(DOCS_FILE);
}

let cache: EcbDoc[] | undefined;

/** Every document, in corpus order (read once per process). */
export function readEcbDocs(): EcbDoc[] {
  cache ??= readFileSync(DOCS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EcbDoc);
  return cache;
}

/** Documents grouped by topic, topics in ascending order. */
export function docsByTopic(docs: EcbDoc[]): Map<number, EcbDoc[]> {
  const topics = new Map<number, EcbDoc[]>();
  for (const doc of [...docs].sort((a, b) => a.topic - b.topic)) appendTo(topics, doc.topic, doc);
  return topics;
}
