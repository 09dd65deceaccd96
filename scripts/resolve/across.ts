/**
 * Cross-article merging of short names, after each article has sent its own short forms
 * to the full names it mentions: a name used on its own in other articles ("Obama",
 * "Colts", "Lo Presti", "Joseph Comeaux Jr") joins the one longer name of the same kind
 * it ends ("Barack Obama", "Indianapolis Colts", "Gaetano Lo Presti", "Joseph Comeaux").
 * Measured on ECB+ (`kb eval --only ecbplus`): several outlets naming the same people
 * and organizations, some only by surname or short name.
 */
import type { ArticleId } from '../core/ids.ts';
import type { EntityType } from '../core/schema.ts';
import { squashedKey } from './name-keys.ts';
import type { Mention } from '../core/types.ts';

/** A mention as resolve groups it: its clean name and the key of the entity it joined. */
export type Grouped = Mention & { article: ArticleId; name: string; key: string };

/** Words after which a name's tail names something else ("University of New York"). */
const MINOR_WORDS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'and',
  'the',
  'de',
  'at',
  'on',
  'in',
  '&',
]);
const words = (name: string) => name.split(' ').length;
/** Generational suffixes that name the same person ("Joseph Comeaux Jr" = "Joseph Comeaux"). */
const SUFFIX = /\s+(?:Jr|Sr|II|III|IV)\.?$/;
const bare = (name: string) => name.replace(SUFFIX, '');
const ORG_LIKE: ReadonlySet<EntityType> = new Set(['organization', 'site', 'campaign']);
type Kind = 'person' | 'org';
const kindOf = (type: EntityType): Kind | undefined =>
  type === 'person' ? 'person' : ORG_LIKE.has(type) ? 'org' : undefined;

/** The kind most of a group's mentions have. */
export function groupKind(mentions: Grouped[]): Kind | undefined {
  const count = { person: 0, org: 0, other: 0 };
  for (const m of mentions) count[kindOf(m.type) ?? 'other']++;
  const top = Math.max(count.person, count.org, count.other);
  return count.other === top ? undefined : count.person === top ? 'person' : 'org';
}

/** How many articles `mentions` are in. */
export function articleCount(mentions: ReadonlyArray<{ article: string }>): number {
  return new Set(mentions.map((m) => m.article)).size;
}

/**
 * Index of the names a group may be called by for short: every proper word suffix of its
 * multi-word names of its kind (a person's "Lo Presti", an organization's "Colts") and the
 * name without a generational suffix, and the one-word forms that an article sent to it.
 */
function shortFormIndex(groups: Map<string, Grouped[]>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (form: string, key: string) => {
    const keys = index.get(form);
    if (keys) keys.add(key);
    else index.set(form, new Set([key]));
  };
  for (const [key, mentions] of groups) {
    for (const m of mentions) {
      const kind = kindOf(m.type);
      if (!kind) continue;
      // A short form an article sent here ("Ellen" → Ellen DeGeneres, first names too).
      if (words(m.name) === 1 && squashedKey(m.name) !== key) add(`${kind}:${m.name}`, key);
      if (words(m.name) < 2) continue;
      const parts = bare(m.name).split(' ');
      add(`${kind}:${parts.join(' ')}`, key);
      // Any tail: a person's "Presti", "Lo Presti"; an organization's "Colts", "Red Sox"
      // (of "Boston Red Sox"), but not the "New York" of "University of New York".
      for (let i = 1; i < parts.length; i++)
        if (kind === 'person' || !MINOR_WORDS.has(parts[i - 1]!.toLowerCase()))
          add(`${kind}:${parts.slice(i).join(' ')}`, key);
    }
  }
  return index;
}

/**
 * How many times more articles a name the tagger did not call a person may be used in
 * than the person whose surname it would be. ECB+ dev is the same with any value from 3
 * up; at 10,000 articles "London" is in 331 times as many as "Michael London".
 */
const SHORT_FORM_REACH = 5;

/**
 * Merges a group whose names are all short forms of exactly one other group's name into
 * it. Ambiguous short names ("Bush" with George and Jeb in the articles) stay apart.
 */
export function mergeShortNames(groups: Map<string, Grouped[]>): void {
  const index = shortFormIndex(groups);

  for (const [key, mentions] of [...groups]) {
    if (!groups.has(key)) continue;
    const kind = groupKind(mentions);
    const longest = mentions.reduce(
      (a, m) => (words(m.name) > words(a) ? m.name : a),
      mentions[0]?.name ?? '',
    );
    const form = bare(longest);
    // A one-word name is a surname whatever a tagger typed it as (as before); longer
    // names join only their own kind.
    const kinds: Kind[] =
      words(form) === 1 ? (kind === 'org' ? ['person', 'org'] : ['person']) : kind ? [kind] : [];
    const targets =
      kinds
        .map((k) =>
          [...(index.get(`${k}:${form}`) ?? [])].filter((t) => t !== key && groups.has(t)),
        )
        .find((list) => list.length > 0) ?? [];
    if (targets.length !== 1) continue;
    // Taken for a surname against the tagger's type, a name used on its own in many more
    // articles than the person's ("London" in 331, "Michael London" in one) is something
    // else of the same spelling.
    if (
      kind !== 'person' &&
      index.get(`person:${form}`)?.has(targets[0]!) &&
      articleCount(mentions) > SHORT_FORM_REACH * articleCount(groups.get(targets[0]!)!)
    )
      continue;
    // A longer name that is the same once its suffix is dropped goes the other way round.
    if (form !== longest && !targets.some((k) => groups.get(k)!.some((m) => m.name === form)))
      continue;
    groups.get(targets[0]!)!.push(...mentions);
    groups.delete(key);
  }
}

/**
 * An organization's first word said alone ("Microsoft") goes, inside an article, to the
 * longer name there ("Microsoft Security Response Center"); when other articles use that
 * word as a name of its own, in two or more articles, it is that organization instead.
 */
export function reclaimFirstWords(groups: Map<string, Grouped[]>): void {
  for (const [key, mentions] of groups) {
    const firstWords = new Set(
      mentions.filter((m) => words(m.name) > 1).map((m) => m.name.split(' ')[0]!),
    );
    const moved = mentions.filter((m) => {
      if (kindOf(m.type) !== 'org' || !firstWords.has(m.name)) return false;
      const own = squashedKey(m.name);
      if (own === key) return false;
      const standalone = groups.get(own);
      if (!standalone || groupKind(standalone) !== 'org') return false;
      return new Set(standalone.map((x) => x.article)).size >= 2;
    });
    if (!moved.length) continue;
    const movedSet = new Set(moved);
    groups.set(
      key,
      mentions.filter((m) => !movedSet.has(m)),
    );
    for (const m of moved) groups.get(squashedKey(m.name))!.push(m);
  }
  for (const [key, mentions] of [...groups]) if (!mentions.length) groups.delete(key);
}
