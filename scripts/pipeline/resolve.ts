/**
 * Stage 4, resolve: mentions → entities. Inside an article, short forms go to the
 * full name mentioned there ("Prince" → "Matthew Prince", "The Post" → "The Washington
 * Post") and aliases introduced in the text join their entity. Across articles, names
 * with the same squashed key are one entity; the type is a weighted vote; the page
 * name is the most complete, most frequent form. Curated entities override.
 */
import { entityId, type ArticleId } from '../ids.ts';
import type { CuratedEntry } from './read.ts';
import type { EntityType } from '../schema.ts';
import { findIntroducedAliases } from './aliases.ts';
import { cleanName, eventKey, squashedKey } from './name-keys.ts';
import { mergeShortNames, reclaimFirstWords } from './resolve-across.ts';
import { cutHeadlineMentions } from './resolve-headlines.ts';
import { mergeNameVariants } from './resolve-variants.ts';
import { assignSlugs, type PublishedEntity } from './slugs.ts';
import type { Entity, Mention, SegmentedArticle } from './types.ts';
import { appendTo } from './collections.ts';

export interface ResolveInput {
  doc: SegmentedArticle;
  mentions: Mention[];
}

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

type Located = Mention & { article: ArticleId; name: string; key: string };

const keyOf = (type: EntityType, name: string) =>
  type === 'event' ? `event:${eventKey(name)}` : squashedKey(name);
const words = (name: string) => name.split(/\s+/).length;
/** Organizations, sites and campaigns are often typed one for another by a tagger. */
const ORG_LIKE: ReadonlySet<EntityType> = new Set(['organization', 'site', 'campaign']);
const compatible = (a: EntityType, b: EntityType) =>
  a === b || (ORG_LIKE.has(a) && ORG_LIKE.has(b));

/** Paragraph number: `p12` → 12. */
const paragraphNumber = (id: string) => Number(id.slice(1));

/** Maps each mention of one article to the key of the name it stands for. */
function resolveInArticle({ doc, mentions }: ResolveInput): Located[] {
  const article = doc.article.id;
  const located: Located[] = cutHeadlineMentions(
    doc.paragraphs,
    mentions.map((m) => {
      const name = cleanName(m.canonical ?? m.text);
      return { ...m, article, name, key: keyOf(m.type, name) };
    }),
    (m, text, like) => ({
      ...m,
      text,
      name: text,
      type: like.type,
      key: keyOf(like.type, text),
      canonical: undefined,
    }),
  );
  const full = located.filter((m) => words(m.name) > 1 && m.type !== 'event');
  // Aliases introduced in the text: every mention of the alias joins the introducer.
  const aliasKeys = new Map<string, Located>();
  for (const paragraph of doc.paragraphs) {
    const here = located.filter((m) => m.paragraph === paragraph.id);
    for (const { mention, alias } of findIntroducedAliases(paragraph, here)) {
      aliasKeys.set(squashedKey(alias), mention as Located);
    }
  }
  located.push(...aliasMentions(doc, located, aliasKeys));
  for (const m of located) {
    const introducer = aliasKeys.get(m.key);
    if (introducer && introducer !== m) {
      Object.assign(m, { key: introducer.key, type: introducer.type });
      continue;
    }
    if (words(m.name) !== 1 || m.type === 'event') continue;
    // A bare surname or first name of a person; the first or last word of an
    // organization's name ("Stanford", "Post"). Only between compatible types, so that
    // "Washington" the place never joins "The Washington Post".
    const candidates = full.filter((f) => {
      if (!compatible(f.type, m.type)) return false;
      const parts = f.name.split(' ');
      return parts.at(-1) === m.name || parts[0] === m.name;
    });
    const at = paragraphNumber(m.paragraph);
    const before = candidates.filter(
      (f) =>
        paragraphNumber(f.paragraph) < at || (f.paragraph === m.paragraph && f.start < m.start),
    );
    const target = before.at(-1) ?? candidates[0];
    if (target) m.key = target.key;
  }
  return located;
}

/**
 * Types that refine "organization": taggers trained on news corpora (CoNLL-2003) call a
 * website or a campaign ORG, so specific evidence for these turns an ORG vote into theirs.
 */
const REFINES_ORGANIZATION: ReadonlySet<EntityType> = new Set(['site', 'campaign']);

function voteType(mentions: Located[], curated?: CuratedEntry): EntityType {
  if (curated) return curated.type;
  const votes = new Map<EntityType, number>();
  for (const m of mentions)
    votes.set(m.type, (votes.get(m.type) ?? 0) + m.score * (SOURCE_WEIGHT[m.source] ?? 1));
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0]![0];
  if (top !== 'organization') return top;
  return ranked.find(([type]) => REFINES_ORGANIZATION.has(type))?.[0] ?? top;
}

/** The most complete, then most frequent form; a canonical name from a list wins. */
function chooseName(mentions: Located[]): string {
  const canonical = mentions.find((m) => m.canonical)?.canonical;
  if (canonical) return canonical;
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts].sort(
    (a, b) =>
      words(b[0]) - words(a[0]) ||
      b[1] - a[1] ||
      b[0].length - a[0].length ||
      a[0].localeCompare(b[0]),
  )[0]![0];
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
    for (const m of resolveInArticle(input)) {
      const entry = curatedByKey.get(m.key);
      const key = entry ? keyOf(entry.type, entry.name) : m.key;
      appendTo(groups, key, m);
    }
  }
  reclaimFirstWords(groups);
  mergeNameVariants(groups);
  mergeShortNames(groups);
  const resolved: ResolvedEntity[] = [];
  for (const entry of curated)
    if (!groups.has(keyOf(entry.type, entry.name))) groups.set(keyOf(entry.type, entry.name), []);
  for (const [key, mentions] of groups) {
    const entry = curatedByKey.get(key);
    const name = entry?.name ?? chooseName(mentions);
    const type = voteType(mentions, entry);
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
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { entities, review };
}

function stripLocal({ name: _name, key: _key, ...mention }: Located): Entity['mentions'][number] {
  return mention;
}

/**
 * An alias introduced in the text ("known online as Keffals") is a mention of its
 * introducer wherever it stands in the article, even where no recognizer tagged it.
 */
function aliasMentions(
  doc: SegmentedArticle,
  located: Located[],
  aliasKeys: Map<string, Located>,
): Located[] {
  const added: Located[] = [];
  for (const introducer of new Set(aliasKeys.values())) {
    const aliases = [...aliasKeys].filter(([, m]) => m === introducer).map(([key]) => key);
    for (const paragraph of doc.paragraphs) {
      for (const match of paragraph.text.matchAll(/[\p{Lu}\p{N}][\p{L}\p{N}_-]+/gu)) {
        if (!aliases.includes(squashedKey(match[0]))) continue;
        const start = match.index;
        const end = start + match[0].length;
        const taken = [...located, ...added].some(
          (m) => m.paragraph === paragraph.id && m.start < end && start < m.end,
        );
        if (taken) continue;
        added.push({
          ...introducer,
          paragraph: paragraph.id,
          start,
          end,
          text: match[0],
          name: match[0],
          source: 'alias',
          canonical: undefined,
        });
      }
    }
  }
  return added;
}
