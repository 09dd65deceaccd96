/**
 * An entity page's mentions grouped by story: a story counts once, its first version
 * naming the entity leads, and each of its sentences carries the aligned sentence of
 * every other version that words it differently. Other versions keep only the mentions
 * the leading version has no counterpart for.
 */
import type { Urls } from '../core/urls.ts';
import {
  alignSentences,
  prepareSentences,
  sameWording,
  type Alignment,
  type PreparedSentences,
} from './align.ts';
import type { MentionContext } from '../core/context.ts';
import { storyPath } from '../core/links.ts';
import type { Story } from './index.ts';
import type { Entity, SegmentedArticle } from '../core/types.ts';
import { articleRef } from '../core/links.ts';
import { type ArticleRef, type StoryGroupView, type AlignedView } from '../core/views.ts';
import { appendTo } from '../core/collections.ts';
import { paragraphOf } from '../core/paragraph-of.ts';

type Mention = Entity['mentions'][number];

/**
 * Sentence alignments between articles, computed once per ordered pair; each article's
 * sentences are made ready once (a story of n versions aligns each with n - 1 others).
 */
export function createAligner(docs: Map<string, SegmentedArticle>) {
  const cache = new Map<string, Map<string, Alignment>>();
  const prepared = new Map<string, PreparedSentences>();
  const sentences = (id: string) => {
    let ready = prepared.get(id);
    if (!ready) {
      const doc = docs.get(id)!;
      prepared.set(
        id,
        (ready = prepareSentences(
          doc.paragraphs.flatMap((p) =>
            p.sentences.map((s, i) => ({
              key: `${p.id}:${i}`,
              text: p.text.slice(s.start, s.end),
            })),
          ),
        )),
      );
    }
    return ready;
  };
  return (from: string, to: string): Map<string, Alignment> => {
    let aligned = cache.get(`${from}>${to}`);
    if (!aligned)
      cache.set(`${from}>${to}`, (aligned = alignSentences(sentences(from), sentences(to))));
    return aligned;
  };
}
export type Aligner = ReturnType<typeof createAligner>;

const inverses = new WeakMap<Map<string, Alignment>, Map<string, string[]>>();
/** Target key → the source keys aligned to it, computed once per alignment. */
function inverse(alignment: Map<string, Alignment>): Map<string, string[]> {
  let inverted = inverses.get(alignment);
  if (!inverted) {
    inverted = new Map();
    for (const [source, { key }] of alignment) appendTo(inverted, key, source);
    inverses.set(alignment, inverted);
  }
  return inverted;
}

/** Sentence keys in reading order (`p2:1` before `p10:0`): one collator for every comparison. */
const bySentence = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Sentences of `to` that say what sentence `key` of `from` says: its best match, and any
 * sentence whose own best match it is (a sentence split in two has two counterparts).
 */
function counterpartKeys(align: Aligner, from: string, to: string, key: string): string[] {
  const keys = new Set<string>(inverse(align(to, from)).get(key));
  const best = align(from, to).get(key);
  if (best) keys.add(best.key);
  return [...keys].sort(bySentence);
}

/** Key (`p3:1`) and span of the sentence holding a mention. */
function sentenceOf(doc: SegmentedArticle, m: { paragraph: string; start: number; end: number }) {
  const p = paragraphOf(doc, m.paragraph);
  const i = p.sentences.findIndex((s) => s.start <= m.start && m.end <= s.end);
  return { key: `${p.id}:${Math.max(i, 0)}`, paragraph: p, sentence: p.sentences[Math.max(i, 0)] };
}

/** Mentions grouped by story (or lone article), in the order of `order`. */
export function storyGroups(
  entity: Entity,
  docs: Map<string, SegmentedArticle>,
  storyOf: Map<string, Story>,
  urls: Urls,
  align: Aligner,
  mentionView: (m: Mention) => MentionContext & { paragraph: string; href: string },
): StoryGroupView[] {
  const byArticle = new Map<string, Mention[]>();
  for (const m of entity.mentions) appendTo(byArticle, m.article, m);
  const groups: StoryGroupView[] = [];
  const done = new Set<string>();
  const ref = (id: string) => articleRef(docs.get(id)!.article, urls);
  /** The sentence `key` of article `id`, with the entity highlighted if named there. */
  const aligned = (id: string, key: string): AlignedView => {
    const [pid, index] = key.split(':') as [string, string];
    const p = paragraphOf(docs.get(id)!, pid);
    const s = p.sentences[Number(index)]!;
    const named = (byArticle.get(id) ?? []).find(
      (m) => m.paragraph === pid && m.start >= s.start && m.end <= s.end,
    );
    const at = named ?? { start: s.start, end: s.start };
    return {
      paragraph: pid,
      href: urls.article(docs.get(id)!.article.slug, pid),
      before: p.text.slice(s.start, at.start),
      text: p.text.slice(at.start, at.end),
      after: p.text.slice(at.end, s.end),
    };
  };
  /** Mentions of `id`, each sentence's first one carrying its counterparts in `others`. */
  const withOthers = (id: string, mentions: Mention[], others: string[]) => {
    const seen = new Set<string>();
    return mentions.map((m) => {
      const { key, paragraph, sentence } = sentenceOf(docs.get(id)!, m);
      const text = paragraph.text.slice(sentence?.start ?? 0, sentence?.end);
      const first = !seen.has(key);
      seen.add(key);
      const counterparts = first
        ? others.flatMap((other) => {
            const sentences = counterpartKeys(align, id, other, key)
              .map((k) => aligned(other, k))
              .filter((view) => !sameWording(text, view.before + view.text + view.after));
            return sentences.length ? [{ article: ref(other), sentences }] : [];
          })
        : [];
      return { ...mentionView(m), others: counterparts };
    });
  };
  for (const id of byArticle.keys()) {
    const story = storyOf.get(id);
    if (done.has(story?.id ?? id)) continue;
    done.add(story?.id ?? id);
    if (!story) {
      groups.push({
        versions: [{ article: ref(id), mentions: withOthers(id, byArticle.get(id)!, []) }],
      });
      continue;
    }
    const lead = story.versions.find((v) => byArticle.has(v))!;
    const rest = story.versions.filter((v) => v !== lead);
    const versions: StoryGroupView['versions'] = [
      { article: ref(lead), mentions: withOthers(lead, byArticle.get(lead)!, rest) },
    ];
    for (const other of rest) {
      // Statements the lead version has too are shown with it; keep the rest here.
      const covered = new Set(
        byArticle
          .get(lead)!
          .flatMap((m) => counterpartKeys(align, lead, other, sentenceOf(docs.get(lead)!, m).key)),
      );
      const own = (byArticle.get(other) ?? []).filter(
        (m) => !covered.has(sentenceOf(docs.get(other)!, m).key),
      );
      if (own.length)
        versions.push({ article: ref(other), mentions: withOthers(other, own, [lead]) });
    }
    groups.push({
      story: {
        id: story.id,
        title: story.title,
        path: storyPath(urls, story.id),
        versions: story.versions.length,
      },
      versions,
    });
  }
  return groups;
}
