/**
 * An entity's mentions over several pages: a hub (a country named in a thousand
 * articles) would otherwise be one page of megabytes, 150 screens tall, with its related
 * entities and cite box at the bottom. The main page keeps the first stories' mentions and
 * links pages `…/mentions/2/`, `…/mentions/3/` holding the rest, so that no page's HTML
 * passes about 150 KB (issue 25). Pure and deterministic: the emit stage splits an
 * entity's mentions once, and its pages slice them where it said.
 */
import type { StoryGroupView } from '../core/views.ts';

/**
 * About the characters of a page's mention groups as JSON (`groupWeight`). Rendered, a
 * group takes about twice that (markup, links, references): a page stays near 100 KB.
 */
export const MENTION_PAGE_BUDGET = 45_000;

/** Markup and fields around each sentence, title and aligned sentence, as JSON counts them. */
const PER_SENTENCE = 120;

/**
 * The size of a mention group, about as its JSON would be, counted from its texts: the
 * emit stage weighs every entity's groups, and a hub at 10,000 articles has thousands.
 */
export function groupWeight(group: StoryGroupView): number {
  let weight = (group.story?.title.length ?? 0) + PER_SENTENCE;
  for (const version of group.versions) {
    weight += version.article.title.length + PER_SENTENCE * 2;
    for (const m of version.mentions) {
      weight += m.before.length + m.text.length + m.after.length + PER_SENTENCE;
      for (const other of m.others) {
        weight += other.article.title.length + PER_SENTENCE;
        for (const x of other.sentences)
          weight += x.before.length + (x.text?.length ?? 0) + x.after.length + PER_SENTENCE;
      }
    }
  }
  return weight;
}

/** Where each page of mentions starts, as indices into `stories`: `[0]` for one page. */
export function mentionPageStarts(
  stories: readonly StoryGroupView[],
  budget = MENTION_PAGE_BUDGET,
): number[] {
  const starts = [0];
  let used = 0;
  stories.forEach((group, i) => {
    const size = groupWeight(group);
    if (i > starts.at(-1)! && used + size > budget) {
      starts.push(i);
      used = 0;
    }
    used += size;
  });
  return starts;
}

/**
 * The mention groups of page `n` (1 is the entity's own page), and how many pages there
 * are, from the page starts the emit stage worked out (`mentionPageStarts`).
 */
export function mentionPage(
  stories: readonly StoryGroupView[],
  n: number,
  starts: readonly number[] = [0],
): { groups: StoryGroupView[]; pages: number } {
  const from = starts[n - 1] ?? stories.length;
  const to = starts[n] ?? stories.length;
  return { groups: stories.slice(from, to), pages: starts.length };
}

/** Ids of the articles a page's mention groups quote, for its list of references. */
export function articlesOf(groups: readonly StoryGroupView[]): Set<string> {
  const ids = new Set<string>();
  for (const group of groups)
    for (const version of group.versions) {
      ids.add(version.article.id);
      for (const m of version.mentions) for (const o of m.others) ids.add(o.article.id);
    }
  return ids;
}
