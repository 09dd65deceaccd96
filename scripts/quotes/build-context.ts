/**
 * Builds a quote's context (`context.ts`) for one article: candidate speakers outside
 * quotes and not addressed, quotes by paragraph, surname echoes, each speaker mention's
 * role in its sentence (`antecedents.ts`) and gender where the article shows it.
 */
import { assignRoles } from './antecedents.ts';
import { matchEntry, wordsIn, type QuoteContext } from './context.ts';
import { addSurnameEchoes } from './echoes.ts';
import { genderOf } from './gender.ts';
import type { QuoteLexicon } from './lexicon.ts';
import type { QuoteSpan } from './spans.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

function isInside(spans: QuoteSpan[], index: number, mention: Mention): boolean {
  return spans.some((span) =>
    span.parts.some((p) => p.index === index && mention.start >= p.start && mention.end <= p.end),
  );
}

/** "told (the) Post", "in an interview with Newsmax": the mention is spoken to. */
function isAddressee(text: string, mention: Mention, lexicon: QuoteLexicon): boolean {
  const words = wordsIn(text, Math.max(0, mention.start - 40), mention.start);
  if (words.at(-1)?.lower === 'the') words.pop();
  const n = words.length;
  return (
    matchEntry(lexicon['addressee-cues'], words, n - 2) === 2 ||
    matchEntry(lexicon['addressee-cues'], words, n - 1) === 1
  );
}

/** Builds the context: candidate speakers outside quotes, quotes by paragraph. */
export function buildContext(
  doc: SegmentedArticle,
  mentions: Mention[],
  spans: QuoteSpan[],
  lexicon: QuoteLexicon,
): QuoteContext {
  const indexOf = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
  const quotesIn: QuoteSpan[][] = doc.paragraphs.map(() => []);
  for (const span of spans)
    for (const part of new Set(span.parts.map((p) => p.index))) quotesIn[part]!.push(span);
  const speakers: Mention[][] = doc.paragraphs.map(() => []);
  for (const mention of mentions) {
    const index = indexOf.get(mention.paragraph);
    if (index === undefined) continue;
    // A site speaks only when named as the subject ("PolitiFact says"); see `fits`.
    if (mention.type !== 'person' && mention.type !== 'organization' && mention.type !== 'site')
      continue;
    if (isInside(quotesIn[index]!, index, mention)) continue;
    if (isAddressee(doc.paragraphs[index]!.text, mention, lexicon)) continue;
    speakers[index]!.push(mention);
  }
  const echoes = addSurnameEchoes(doc, mentions, speakers, quotesIn);
  for (const list of speakers) list.sort((a, b) => a.start - b.start);
  const roles = assignRoles(doc, speakers, lexicon);
  const gender = genderOf(doc, speakers);
  return { doc, lexicon, speakers, quotesIn, lookBack: 1, roles, gender, echoes };
}
