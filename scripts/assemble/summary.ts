/**
 * An entity's summary: the source sentence that best says what it is, quoted as written
 * with its article and paragraph, never composed. Defining forms score highest: an
 * appositive ("Cloudflare, a big tech security company, …"), "X is/was a …", "X was
 * launched in …", then a sentence naming it with a role or a kind ("the neo-Nazi site
 * Daily Stormer"). Shorter and earlier sentences win ties. Pure.
 */
import type { Paragraph, Span } from '../core/types.ts';

export interface SummaryMention extends Span {
  article: string;
  paragraph: string;
}

export interface Summary {
  text: string;
  article: string;
  paragraph: string;
}

/** Where the text of each article lives: its paragraphs, in order. */
export type ParagraphsOf = (article: string) => Paragraph[] | undefined;

const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s|best known|known (?:as|for)|founded|launched|based in)/i;
const KIND_APPOSITIVE =
  /^\s+(?:website|site|forum|platform|company|firm|group|organization|campaign|app)\s*,\s+(?:(?:a|an|the)\s|best known|known (?:as|for)|which is)/i;
const COPULA = /^\s+(?:is|was|are|were|has been|remains|became)\s+(?:a|an|the|one of)\s/i;
const ORIGIN = /^\s+(?:is|was)\s+(?:launched|founded|created|started|established|based|formed)\b/i;
const KIND_BEFORE =
  /\b[\p{L}-]+\s+(?:firm|company|site|website|forum|platform|imageboard|group|organization|agency|network|campaign|movement|provider|registrar|startup)\s+$/iu;

/** Below this no sentence is taken to define the entity. */
const MIN_SCORE = 2;
const MAX_LENGTH = 400;

/** True when the mention sits inside a quotation: the entity is quoted, not defined. */
function quoted(before: string): boolean {
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  return opens > 0 || (before.match(/"/g) ?? []).length % 2 === 1;
}

/** How well a sentence defines the entity at `mention`; 0 when it does not. */
function defines(text: string, sentence: Span, mention: Span, roles: Span[]): number {
  const before = text.slice(sentence.start, mention.start);
  const after = text.slice(mention.end, sentence.end);
  if (quoted(before)) return 0;
  const opens = /^["“‘]?$/.test(before.trim());
  // A sentence about the entity opens with it.
  return score(before, after, opens, sentence, roles) + (opens ? 0.5 : 0);
}

function score(before: string, after: string, opens: boolean, sentence: Span, roles: Span[]) {
  if (APPOSITIVE.test(after) || KIND_APPOSITIVE.test(after)) return 3;
  if (opens && COPULA.test(after)) return 3;
  if (opens && ORIGIN.test(after)) return 2.5;
  if (roles.some((r) => r.start >= sentence.start && r.end <= sentence.end)) return 2.5;
  if (KIND_BEFORE.test(before)) return 2;
  return 0;
}

/**
 * The best defining sentence among an entity's mentions. `roles` are the evidence spans
 * of its role facts, by `article#paragraph`.
 */
export function summarize(
  mentions: SummaryMention[],
  paragraphsOf: ParagraphsOf,
  roles: Map<string, Span[]> = new Map(),
): Summary | undefined {
  let best: (Summary & { score: number }) | undefined;
  for (const m of mentions) {
    const paragraphs = paragraphsOf(m.article);
    const index = paragraphs?.findIndex((p) => p.id === m.paragraph) ?? -1;
    const paragraph = paragraphs?.[index];
    if (!paragraph || paragraph.kind === 'quote' || paragraph.kind === 'heading') continue;
    const sentence = paragraph.sentences.find((s) => s.start <= m.start && m.end <= s.end);
    if (!sentence || sentence.end - sentence.start > MAX_LENGTH) continue;
    const base = defines(
      paragraph.text,
      sentence,
      m,
      roles.get(`${m.article}#${m.paragraph}`) ?? [],
    );
    if (base < MIN_SCORE) continue;
    const text = paragraph.text.slice(sentence.start, sentence.end).trim();
    // Shorter is crisper; earlier is where news writing defines what it names.
    const score = base - text.length / 500 - index / 200;
    if (!best || score > best.score)
      best = { text, article: m.article, paragraph: m.paragraph, score };
  }
  return best && { text: best.text, article: best.article, paragraph: best.paragraph };
}
