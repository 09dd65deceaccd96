/**
 * Story grouping measured on ECB+: every document of a split in one knowledge base, run
 * through segment → recognize → resolve, then `groupStories`; the gold story of a document
 * is its subtopic (one event reported by several outlets; the other subtopic of its topic
 * is a similar event, the hard negative). Scored with B³ over articles, articles left out
 * of every story counting as stories of one. ECB+ has no dates, so dates cannot help here.
 */
import { createRecognizers } from '../recognize/index.ts';
import { resolveEntities } from '../resolve/index.ts';
import { groupStories, type StoryOptions } from '../stories/index.ts';
import { b3Scores, b3Sums } from './ecbplus-b3.ts';
import { DEV_TOPICS, readEcbDocs } from './ecbplus-data.ts';
import { pipelineInputs } from './ecbplus.ts';

export interface StoryEvalResult {
  split: 'dev' | 'test';
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  /** Sizes of the largest predicted stories, and how many gold stories each mixes. */
  largest: Array<{ size: number; subtopics: number }>;
}

/** Groups the split's documents into stories and scores them against the subtopics. */
export function evaluateEcbStories(
  options: { split?: 'dev' | 'test'; stories?: StoryOptions } = {},
): StoryEvalResult {
  const split = options.split ?? 'dev';
  const docs = readEcbDocs().filter((d) => DEV_TOPICS(d.topic) === (split === 'dev'));
  const inputs = pipelineInputs(docs, createRecognizers({ curated: [] }));
  // The build's page threshold: stories see the entities that get pages.
  const { entities } = resolveEntities(inputs, [], { threshold: 0.5 });
  const named = new Map<string, Set<string>>();
  for (const e of entities)
    for (const m of e.mentions) named.set(m.article, (named.get(m.article) ?? new Set()).add(e.id));
  const { stories, duplicateOf } = groupStories(
    inputs.map(({ doc }) => ({
      id: doc.article.id,
      title: doc.article.meta.title,
      text: doc.paragraphs.map((p) => p.text).join('\n\n'),
      entities: [...(named.get(doc.article.id) ?? [])],
    })),
    options.stories,
  );
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const v of s.versions) storyOf.set(v, s.id);
  const gold = new Map<string, string>();
  const predicted = new Map<string, string>();
  const subtopic = new Map<string, string>();
  for (const { d, doc } of inputs) {
    const id = doc.article.id;
    subtopic.set(id, d.subtopic);
    gold.set(id, d.subtopic);
    const original = duplicateOf.get(id) ?? id;
    predicted.set(id, storyOf.get(original) ?? original);
  }
  const largest = stories
    .map((s) => ({
      size: s.versions.length,
      subtopics: new Set(s.versions.map((v) => subtopic.get(v))).size,
    }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 5);
  return { split, articles: docs.length, ...b3Scores(b3Sums(gold, predicted)), largest };
}

/** One line of figures. */
export function formatEcbStories(r: StoryEvalResult): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const split = r.split === 'dev' ? 'dev (topics 1–35)' : 'test (topics 36–45, read once)';
  return [
    `ECB+ stories ${split}: ${r.articles} articles, B³ P ${pct(r.precision)} R ${pct(r.recall)} F1 ${pct(r.f1)}`,
    `  largest stories (articles/gold events): ${r.largest.map((l) => `${l.size}/${l.subtopics}`).join(', ')}`,
  ].join('\n');
}
