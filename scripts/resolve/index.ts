/**
 * Stage 4, resolve: mentions → entities. Inside an article, each mention is located
 * (`locateMentions`: short forms go to the full name mentioned there, aliases
 * introduced in the text join their entity). Across articles, names
 * with the same squashed key are one entity; the type is a weighted vote; the page
 * name is the most complete, most frequent form. Curated entities override.
 */
import { entityId } from '../core/ids.ts';
import type { CuratedEntry } from '../read/index.ts';
import type { EntityType } from '../core/schema.ts';
import { keyOf, locateMentions, words, type LocateInput, type Located } from './locate.ts';
import { articleCount, mergeShortNames, reclaimFirstWords } from './across.ts';
import { mergeNameVariants, onlyOrgSuffixes } from './variants.ts';
import { completeNames, type ParagraphText } from './completion.ts';
import { assignSlugs, type PublishedEntity } from './slugs.ts';
import type { Entity } from '../core/types.ts';
import { appendTo } from '../core/collections.ts';
import { compareText } from '../core/collections.ts';

/** An article's mentions, or the same located already (`locateMentions`, in a worker). */
export type ResolveInput = LocateInput | { located: Located[] };

export interface ResolveOptions {
  /** Entities whose confidence is below this get no page (see `kb extract --review`). */
  threshold: number;
  /** Entity URLs already published: their slugs stay with their entities. */
  published?: PublishedEntity[];
}

export interface ResolvedEntity extends Entity {
  /** Confidence that this is a real entity of this type, in [0, 1]. */
  score: number;
}

/** Recognizers whose type judgement is specific (a list, a pattern) outweigh statistical guesses. */
const SOURCE_WEIGHT: Record<string, number> = { gazetteer: 4, patterns: 4, tagger: 1 };

/**
 * Types that refine "organization": taggers trained on news corpora (CoNLL-2003) call a
 * website or a campaign ORG, so specific evidence for these turns an ORG vote into theirs,
 * when it comes from at least `REFINING_SHARE` of the articles naming the entity: one
 * stray cue in a hundred articles ("the New York Fed website") does not make a central
 * bank a website, while a site the articles call one ("Kiwi Farms, a forum") is one.
 */
const REFINES_ORGANIZATION: ReadonlySet<EntityType> = new Set(['site', 'campaign']);
const REFINING_SHARE = 1 / 3;

function voteType(mentions: Located[], curated?: CuratedEntry): EntityType {
  if (curated) return curated.type;
  const votes = new Map<EntityType, number>();
  for (const m of mentions)
    votes.set(m.type, (votes.get(m.type) ?? 0) + m.score * (SOURCE_WEIGHT[m.source] ?? 1));
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const top = ranked[0]![0];
  if (top !== 'organization') return top;
  return (
    ranked.find(
      ([type]) =>
        REFINES_ORGANIZATION.has(type) &&
        articleCount(mentions.filter((m) => m.type === type)) >=
          articleCount(mentions) * REFINING_SHARE,
    )?.[0] ?? top
  );
}

/**
 * Share of an entity's articles a form of its name must appear in (or two articles) to
 * name an organization, place, site, campaign or event: one article's "Michael London"
 * or "Toronto World Bank", a span run on into the next word, must not name the London
 * or the World Bank of hundreds of others. A person keeps the fullest form given, which
 * news gives once and then shortens.
 */
const NAME_SHARE = 1 / 10;

/**
 * The most complete, then most frequent form (of those used widely enough, but for a
 * person); a canonical name from a list wins.
 */
function chooseName(mentions: Located[], type: EntityType): string {
  const canonical = mentions.find((m) => m.canonical)?.canonical;
  if (canonical) return canonical;
  const counts = new Map<string, number>();
  const articles = new Map<string, Set<string>>();
  for (const m of mentions) {
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    let seen = articles.get(m.name);
    if (!seen) articles.set(m.name, (seen = new Set()));
    seen.add(m.article);
  }
  const ranked = [...counts].sort(
    (a, b) =>
      words(b[0]) - words(a[0]) ||
      b[1] - a[1] ||
      b[0].length - a[0].length ||
      compareText(a[0], b[0]),
  );
  if (type === 'person') return ranked[0]![0];
  const named = articleCount(mentions);
  const widely = ([name]: [string, number]) => {
    const used = articles.get(name)!.size;
    return used >= 2 || used >= named * NAME_SHARE;
  };
  return (ranked.find(widely) ?? ranked[0]!)[0];
}

/** Resolves all mentions of all articles into entities, and curated entities into pages. */
export function resolveEntities(
  inputs: ResolveInput[],
  curated: CuratedEntry[],
  options: ResolveOptions,
): { entities: ResolvedEntity[]; review: ResolvedEntity[] } {
  const groups = new Map<string, Located[]>();
  const curatedByKey = new Map<string, CuratedEntry>();
  for (const entry of curated)
    for (const name of [entry.name, ...entry.aliases])
      curatedByKey.set(keyOf(entry.type, name), entry);
  for (const input of inputs) {
    for (const m of 'located' in input ? input.located : locateMentions(input)) {
      const entry = curatedByKey.get(m.key);
      if (!entry && onlyOrgSuffixes(m.name)) continue;
      const key = entry ? keyOf(entry.type, entry.name) : m.key;
      appendTo(groups, key, m);
    }
  }
  reclaimFirstWords(groups);
  mergeNameVariants(groups);
  // Completed names may be variants of others ("American Express", "American Express Co").
  if (completeNames(groups, paragraphTexts(inputs))) mergeNameVariants(groups);
  mergeShortNames(groups);
  const resolved: ResolvedEntity[] = [];
  for (const entry of curated)
    if (!groups.has(keyOf(entry.type, entry.name))) groups.set(keyOf(entry.type, entry.name), []);
  for (const [key, mentions] of groups) {
    const entry = curatedByKey.get(key);
    const type = voteType(mentions, entry);
    const name = entry?.name ?? chooseName(mentions, type);
    const forms = new Set([...mentions.map((m) => m.name), ...(entry?.aliases ?? [])]);
    forms.delete(name);
    const score = entry ? 1 : 1 - mentions.reduce((p, m) => p * (1 - Math.min(m.score, 0.99)), 1);
    resolved.push({
      id: entityId(type, ''),
      type,
      slug: '',
      name,
      aliases: [...forms].sort(),
      curated: entry,
      mentions: mentions.map(stripLocal),
      score,
    });
  }
  const entities = assignSlugs(
    resolved.filter((e) => e.score >= options.threshold),
    options.published,
  );
  const review = resolved
    .filter((e) => e.score < options.threshold)
    .sort((a, b) => b.score - a.score || compareText(a.name, b.name));
  return { entities, review };
}

/** Paragraph text by article and paragraph id, indexed per article when first asked. */
function paragraphTexts(inputs: ResolveInput[]): ParagraphText {
  const docs = new Map<string, LocateInput['doc']>();
  for (const input of inputs) if ('doc' in input) docs.set(input.doc.article.id, input.doc);
  const texts = new Map<string, Map<string, string>>();
  return (article, paragraph) => {
    let byId = texts.get(article);
    if (!byId) {
      byId = new Map(docs.get(article)?.paragraphs.map((p) => [p.id, p.text]));
      texts.set(article, byId);
    }
    return byId.get(paragraph);
  };
}

function stripLocal({ name: _name, key: _key, ...mention }: Located): Entity['mentions'][number] {
  return mention;
}
