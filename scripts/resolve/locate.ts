/**
 * Stage 4, resolve, inside one article: each mention gets the key of the name it stands
 * for. Short forms go to the full name mentioned there ("Prince" → "Matthew Prince",
 * "The Post" → "The Washington Post"), aliases introduced in the text join their entity
 * wherever they stand, and mentions cut out of a headline take the type of the name
 * they repeat. Pure in the article, so extraction workers run it and the cache keeps it
 * (`extract-article.ts`); `resolveEntities` joins the articles.
 */
import type { ArticleId } from '../core/ids.ts';
import type { EntityType } from '../core/schema.ts';
import { findIntroducedAliases } from './aliases.ts';
import { appendTo } from '../core/collections.ts';
import { cleanName, eventKey, squashedKey } from './name-keys.ts';
import { cutHeadlineMentions } from './headlines.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

/** A mention with the name it is read as and the key of the entity it stands for. */
export type Located = Mention & { article: ArticleId; name: string; key: string };

export interface LocateInput {
  doc: SegmentedArticle;
  mentions: Mention[];
}

export const keyOf = (type: EntityType, name: string) =>
  type === 'event' ? `event:${eventKey(name)}` : squashedKey(name);
export const words = (name: string) => name.split(/\s+/).length;
/** Organizations, sites and campaigns are often typed one for another by a tagger. */
const ORG_LIKE: ReadonlySet<EntityType> = new Set(['organization', 'site', 'campaign']);
const compatible = (a: EntityType, b: EntityType) =>
  a === b || (ORG_LIKE.has(a) && ORG_LIKE.has(b));

/** Paragraph number: `p12` → 12. */
const paragraphNumber = (id: string) => Number(id.slice(1));

/** Maps each mention of one article to the key of the name it stands for. */
export function locateMentions({ doc, mentions }: LocateInput): Located[] {
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
  const byParagraph = new Map<string, Located[]>();
  for (const m of located) appendTo(byParagraph, m.paragraph, m);
  for (const paragraph of doc.paragraphs) {
    const here = byParagraph.get(paragraph.id) ?? [];
    for (const { mention, alias } of findIntroducedAliases(paragraph, here)) {
      aliasKeys.set(squashedKey(alias), mention as Located);
    }
  }
  located.push(...aliasMentions(doc, byParagraph, aliasKeys));
  // Full names by their first and by their last word, in article order, so that a short
  // form finds its candidates without scanning every full name (linear in the article).
  const byWord = new Map<string, Located[]>();
  for (const f of full) {
    const parts = f.name.split(' ');
    appendTo(byWord, parts.at(-1)!, f);
    if (parts[0] !== parts.at(-1)) appendTo(byWord, parts[0]!, f);
  }
  const order = new Map(full.map((f, i) => [f, i]));
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
    const candidates = (byWord.get(m.name) ?? [])
      .filter((f) => compatible(f.type, m.type))
      .sort((a, b) => order.get(a)! - order.get(b)!);
    const at = paragraphNumber(m.paragraph);
    const isBefore = (f: Located) =>
      paragraphNumber(f.paragraph) < at || (f.paragraph === m.paragraph && f.start < m.start);
    const target = lastBefore(candidates, isBefore) ?? candidates[0];
    if (target) m.key = target.key;
  }
  return located;
}

/**
 * The last of `list` (in article order) for which `before` holds: a binary search, since
 * the mentions before a point are a prefix of the list.
 */
function lastBefore(list: Located[], before: (f: Located) => boolean): Located | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

/**
 * An alias introduced in the text ("known online as Keffals") is a mention of its
 * introducer wherever it stands in the article, even where no recognizer tagged it.
 */
function aliasMentions(
  doc: SegmentedArticle,
  byParagraph: Map<string, Located[]>,
  aliasKeys: Map<string, Located>,
): Located[] {
  const added: Located[] = [];
  const addedIn = new Map<string, Located[]>();
  for (const introducer of new Set(aliasKeys.values())) {
    const aliases = [...aliasKeys].filter(([, m]) => m === introducer).map(([key]) => key);
    for (const paragraph of doc.paragraphs) {
      for (const match of paragraph.text.matchAll(/[\p{Lu}\p{N}][\p{L}\p{N}_-]+/gu)) {
        if (!aliases.includes(squashedKey(match[0]))) continue;
        const start = match.index;
        const end = start + match[0].length;
        const overlaps = (m: Located) => m.start < end && start < m.end;
        const taken =
          (byParagraph.get(paragraph.id) ?? []).some(overlaps) ||
          (addedIn.get(paragraph.id) ?? []).some(overlaps);
        if (taken) continue;
        const mention: Located = {
          ...introducer,
          paragraph: paragraph.id,
          start,
          end,
          text: match[0],
          name: match[0],
          source: 'alias',
          canonical: undefined,
        };
        added.push(mention);
        appendTo(addedIn, paragraph.id, mention);
      }
    }
  }
  return added;
}
