/**
 * An entity's mentions over several pages: a hub (a country named in a thousand
 * articles) would otherwise be one page of megabytes, 150 screens tall, with its related
 * entities and cite box at the bottom. The main page keeps the first stories' mentions and
 * links pages `…/mentions/2/`, `…/mentions/3/` holding the rest, so that no page's HTML
 * passes about 150 KB (issue 25). Pure and deterministic: the emit stage counts an
 * entity's pages with it and the pages slice their mentions with it, from the same view.
 */
import type { StoryGroupView } from '../core/views.ts';

/**
 * Characters of a page's mention groups as JSON. Rendered, a group takes about twice its
 * JSON (markup, links, references), so a page of mentions stays near 100 KB.
 */
export const MENTION_PAGE_BUDGET = 45_000;

/** Where each page of mentions starts, as indices into `stories`: `[0]` for one page. */
export function mentionPageStarts(
  stories: readonly StoryGroupView[],
  budget = MENTION_PAGE_BUDGET,
): number[] {
  const starts = [0];
  let used = 0;
  stories.forEach((group, i) => {
    const size = JSON.stringify(group).length;
    if (i > starts.at(-1)! && used + size > budget) {
      starts.push(i);
      used = 0;
    }
    used += size;
  });
  return starts;
}

/** The mention groups of page `n` (1 is the entity's own page), and how many pages there are. */
export function mentionPage(
  stories: readonly StoryGroupView[],
  n: number,
): { groups: StoryGroupView[]; pages: number } {
  const starts = mentionPageStarts(stories);
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
