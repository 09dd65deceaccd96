/**
 * Every schema Dossier validates, written once (zod from `astro/zod`) and shared by the
 * scripts and the Astro pages. Types come from `z.infer`, never written twice.
 */
import { z } from 'astro/zod';
import { normalizeName, stripBidi } from './names.ts';

/** The six entity types, in the order the site lists them. */
export const ENTITY_TYPES = [
  'person',
  'organization',
  'site',
  'campaign',
  'place',
  'event',
] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/**
 * A calendar date that exists, `YYYY-MM-DD`. Front matter is read with YAML's core schema
 * (`read/front-matter.ts`), so a date stays the text it was written as: a date-time with
 * an offset (`2022-09-03T22:30:00-05:00`) keeps the day it names, not the UTC day, and
 * `2022-02-30` is refused rather than rolled over to March.
 */
const isoDate = z.preprocess(
  (value) => {
    if (value instanceof Date && !Number.isNaN(value.getTime()))
      return value.toISOString().slice(0, 10);
    const dateTime =
      typeof value === 'string' &&
      /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.exec(
        value.trim(),
      );
    return dateTime ? dateTime[1] : typeof value === 'string' ? value.trim() : value;
  },
  z.iso.date({
    error: (issue) => `"${String(issue.input).slice(0, 40)}" is not a date (use YYYY-MM-DD)`,
  }),
);

/** Longest language tag accepted: RFC 5646 §4.4.1 asks every implementation to take 35 characters. */
const MAX_LANGUAGE_TAG = 35;

/**
 * A BCP 47 language tag, in its canonical form ("EN-us" → "en-US"), checked by
 * `Intl.getCanonicalLocales`. Anything else (a path, quotes, a sentence) is refused: the
 * tag reaches the page's `lang` and the search index.
 */
const languageTag = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let tag: string | undefined;
    try {
      if (value.length <= MAX_LANGUAGE_TAG) tag = Intl.getCanonicalLocales(value)[0];
    } catch {
      tag = undefined;
    }
    if (tag) return tag;
    ctx.addIssue({
      code: 'custom',
      message: `"language" must be a BCP 47 language tag such as "en" or "pt-BR" (got "${value.slice(0, 40)}")`,
    });
    return z.NEVER;
  });

/** A field's text: NFC, without bidirectional controls that would reorder the page around it. */
const plainText = z.string().transform(stripBidi);

/** A name: NFC, no invisible characters or bidi controls, spaces collapsed (`core/names.ts`). */
const nameText = z.string().transform(normalizeName).pipe(z.string().min(1));

/** Front matter of `content/articles/<slug>.md`. */
export const ArticleFrontMatterSchema = z.object({
  /** Headline as published. */
  title: z
    .string({ error: 'a "title" is required' })
    .transform(stripBidi)
    .pipe(z.string().trim().min(1, 'title must not be empty')),
  /** Who published the article, e.g. "The Washington Post". */
  publisher: plainText.pipe(z.string().trim().min(1)).optional(),
  /** Bylines, in order. */
  authors: z.array(plainText.pipe(z.string().trim().min(1))).default([]),
  /** Publication date, ISO `YYYY-MM-DD`. */
  date: isoDate.optional(),
  /** Where the original article lives. */
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).optional(),
  /** BCP 47 language tag of the text. */
  language: languageTag.default('en'),
  /** Editorial note shown with the article (e.g. "machine translation of …"). */
  note: plainText.optional(),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>;

/** Front matter of a curated entity, `content/entities/<type>/<slug>.md`. */
export const CuratedEntitySchema = z.object({
  /** Canonical display name. */
  name: nameText,
  /** Must agree with the folder the file is in. */
  type: EntityTypeSchema,
  /** Other names this entity goes by; each becomes a redirect and a gazetteer entry. */
  aliases: z.array(nameText).default([]),
  /** Wikidata / Wikipedia URLs identifying the same thing: http(s) only. */
  sameAs: z
    .array(z.url({ protocol: /^https?$/, error: 'sameAs must list http(s) addresses' }))
    .default([]),
  /** One-line description. */
  description: plainText.optional(),
});
export type CuratedEntity = z.infer<typeof CuratedEntitySchema>;

/** A mention as published in kb.json. */
export const KbMentionSchema = z.object({
  /** Article id. */
  article: z.string(),
  /** Paragraph id within the article (`p1`, `p2`, …). */
  paragraph: z.string().regex(/^p\d+$/),
  /** The words as written. */
  text: z.string(),
  /** Offsets of `text` in the paragraph's plain text (JavaScript string indices). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The sentence around the mention, and the mention's offsets inside it. */
  context: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }),
});

export const KbQuoteSchema = z.object({
  /** The quoted words, without quotation marks. */
  text: z.string(),
  article: z.string(),
  /** Paragraph where the quote starts. */
  paragraph: z.string(),
  /** Confidence of the attribution, in [0, 1]. */
  confidence: z.number().min(0).max(1).optional(),
});

export const KbRelatedSchema = z.object({
  id: z.string(),
  /** Strength of the relation in [0, 1]. */
  weight: z.number().min(0).max(1),
  /** Paragraphs in which both are mentioned. */
  paragraphs: z.number().int().nonnegative(),
  /** Articles in which both are mentioned. */
  articles: z.number().int().nonnegative(),
  /**
   * How a role links them, when the text says: "CEO of" when this entity holds the role
   * at the related one, "CEO" when the related entity holds it here.
   */
  relation: z.string().optional(),
});

/** A role the text gives an entity: "CEO" of Cloudflare, with where it is said. */
export const KbRoleSchema = z.object({
  /** The role as written: "CEO", "founder", "Representative (R-Ga.)". */
  role: z.string(),
  /** Entity id of what the role is held at, when the text names it. */
  of: z.string().optional(),
  article: z.string(),
  paragraph: z.string().regex(/^p\d+$/),
  /** The words that state it ("Cloudflare CEO Matthew Prince"). */
  text: z.string(),
});

/** The source sentence that best says what an entity is, quoted as written. */
export const KbSummarySchema = z.object({
  text: z.string(),
  article: z.string(),
  paragraph: z.string().regex(/^p\d+$/),
});

/** Articles that tell the same event: versions, and exact duplicates shown once. */
export const KbStorySchema = z.object({
  /** The id of its first article (earliest, then by id). */
  id: z.string(),
  title: z.string(),
  path: z.string(),
  /** Article ids of its versions, first article first; duplicates not included. */
  articles: z.array(z.string()),
  /** Articles whose normalized text repeats a version's exactly. */
  duplicates: z.array(z.object({ article: z.string(), of: z.string() })),
  /** Entities named, with their mentions in the version that names them most. */
  entities: z.array(z.object({ id: z.string(), mentions: z.number().int().nonnegative() })),
});

export const KbEntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string().min(1),
  path: z.string(),
  aliases: z.array(z.string()),
  description: z.string().optional(),
  sameAs: z.array(z.string()).default([]),
  /** True when the entity comes from `content/entities/`. */
  curated: z.boolean(),
  mentions: z.array(KbMentionSchema),
  quotes: z.array(KbQuoteSchema),
  related: z.array(KbRelatedSchema),
  /** Roles the articles give it, one entry per place said. */
  roles: z.array(KbRoleSchema).optional(),
  /** Its defining sentence from the sources. */
  summary: KbSummarySchema.optional(),
  /** Version of its page: a hash of the page's content (`scripts/versions/`). */
  version: z
    .string()
    .regex(/^[0-9a-f]{7}$/)
    .optional(),
  /** The day the page's content last changed (YYYY-MM-DD): when this version appeared. */
  changed: z.iso.date().optional(),
});

export const KbArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  authors: z.array(z.string()),
  date: z.string().optional(),
  url: z.string().optional(),
  language: z.string(),
  note: z.string().optional(),
  path: z.string(),
  /** Source file, relative to the project. */
  file: z.string(),
  paragraphs: z.number().int().nonnegative(),
  /** Id of the story it is a version of. */
  story: z.string().optional(),
  /** Id of the article whose text it repeats exactly; its mentions count there. */
  duplicateOf: z.string().optional(),
});

/** `dist/data/kb.json`, schema version 1 (DESIGN.md). Fields may be added, never renamed. */
export const KnowledgeBaseSchema = z.object({
  schema: z.literal(1),
  site: z.object({ title: z.string(), url: z.string().optional(), base: z.string() }),
  generated: z.string().optional(),
  articles: z.array(KbArticleSchema),
  entities: z.array(KbEntitySchema),
  /** Stories of two or more versions. */
  stories: z.array(KbStorySchema).optional(),
  /** Names two or more entities share, each with its disambiguation page. */
  disambiguation: z
    .array(z.object({ name: z.string(), path: z.string(), entities: z.array(z.string()) }))
    .optional(),
});
export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;
export type KbEntity = z.infer<typeof KbEntitySchema>;
export type KbArticle = z.infer<typeof KbArticleSchema>;
export type KbMention = z.infer<typeof KbMentionSchema>;
export type KbStory = z.infer<typeof KbStorySchema>;
