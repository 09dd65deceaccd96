/**
 * Story pages' data, prepared from the contract (`kb.stories`, `kb.articles`) and the
 * entity links every page already has, so that the pages only lay it out.
 */
import type { KbArticle, KbStory } from '../core/schema.ts';
import type { EntityLink } from '../core/views.ts';
import { compareText } from '../core/collections.ts';

export interface StoryVersionView extends KbArticle {
  /** Exact copies of this version elsewhere: shown once, here. */
  duplicates: Array<{ title: string; path: string; publisher?: string }>;
}

export interface StoryPageView {
  id: string;
  title: string;
  path: string;
  versions: StoryVersionView[];
  /** Entities the story names, most mentioned first (counted once per story). */
  entities: Array<EntityLink & { mentions: number }>;
  /** Publication dates of the versions, first and last. */
  dates: string[];
}

/** One view per story, newest story first. */
export function storyPages(
  kb: { stories?: KbStory[]; articles: KbArticle[] },
  entities: EntityLink[],
): StoryPageView[] {
  const article = new Map(kb.articles.map((a) => [a.id, a]));
  const entity = new Map(entities.map((e) => [e.id, e]));
  const views = (kb.stories ?? []).map((story): StoryPageView => {
    const versions = story.articles.flatMap((id) => {
      const a = article.get(id);
      if (!a) return [];
      const duplicates = story.duplicates
        .filter((d) => d.of === id)
        .flatMap((d) => {
          const copy = article.get(d.article);
          return copy ? [{ title: copy.title, path: copy.path, publisher: copy.publisher }] : [];
        });
      return [{ ...a, duplicates }];
    });
    const dates = versions.flatMap((v) => (v.date ? [v.date] : [])).sort();
    return {
      id: story.id,
      title: story.title,
      path: story.path,
      versions,
      entities: story.entities.flatMap(({ id, mentions }) => {
        const link = entity.get(id);
        return link ? [{ ...link, mentions }] : [];
      }),
      dates: dates.length ? [...new Set([dates[0]!, dates.at(-1)!])] : [],
    };
  });
  return views.sort(
    (a, b) =>
      compareText(b.dates.at(-1) ?? '', a.dates.at(-1) ?? '') || compareText(a.title, b.title),
  );
}
