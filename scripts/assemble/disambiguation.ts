/**
 * Disambiguation (issue 5): entities that share a name, within a type or across types
 * (a person and an organization both called "Jordan"), each keep their own URL, and a
 * page at `/disambiguation/<slug>/` lists them all with their type, a line saying what
 * each is, and their sources; each of their pages carries a hatnote pointing there. The
 * folder is not an entity folder, so its URLs can never collide with an entity's, and the
 * plain slug keeps meaning whoever had it (`resolve/slugs.ts`). Pure and linear: one
 * pass to group names.
 */
import { slugify } from '../core/ids.ts';
import type { EntityType } from '../core/schema.ts';
import type { Urls } from '../core/urls.ts';
import type { ArticleRef, EntityView, DisambiguationPage } from '../core/views.ts';
import type { SiteData } from '../core/views.ts';

/** Sources listed per entity on a disambiguation page. */
const MAX_SOURCES = 3;

function lineOf(view: EntityView): string | undefined {
  if (view.description) return view.description;
  const fact = view.facts?.[0];
  if (fact) return fact.of ? `${fact.role} ${fact.connector} ${fact.of.name}` : fact.role;
  const sentence = view.summary ?? view.sourceSummary?.text;
  return sentence && sentence.length > 160 ? `${sentence.slice(0, 157).trimEnd()}…` : sentence;
}

/** Groups entity views by the slug of their name; sets `disambiguation` on shared ones. */
export function disambiguate(views: EntityView[], urls: Urls): DisambiguationPage[] {
  const groups = new Map<string, typeof views>();
  for (const view of views) {
    const slug = slugify(view.name);
    const group = groups.get(slug);
    if (group) group.push(view);
    else groups.set(slug, [view]);
  }
  const pages: DisambiguationPage[] = [];
  for (const [slug, group] of groups) {
    if (group.length < 2) continue;
    group.sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1));
    const name = group[0]!.name;
    const path = urls.disambiguation(slug);
    for (const view of group) view.disambiguation = { name, path, others: group.length - 1 };
    pages.push({
      slug,
      name,
      path,
      entries: group.map((view) => ({
        id: view.id,
        name: view.name,
        type: view.type,
        typeLabel: view.typeLabel,
        path: view.path,
        line: lineOf(view),
        mentions: view.mentionCount,
        sources: view.sources.slice(0, MAX_SOURCES),
        sourceCount: view.sources.length,
      })),
    });
  }
  return pages.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Adds the disambiguation pages to assembled site data, and their list to kb.json. */
export function addDisambiguation(site: SiteData, urls: Urls): SiteData {
  site.disambiguation = disambiguate(site.entities, urls);
  site.kb.disambiguation = site.disambiguation.map(({ name, path, entries }) => ({
    name,
    path,
    entities: entries.map((e) => e.id),
  }));
  return site;
}
