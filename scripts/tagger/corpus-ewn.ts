/**
 * EWN (modern worldwide news, `corpora/ewn/dev.jsonl`) as training documents: each article
 * segmented by the pipeline's own paragraph and sentence splitter and tokenizer, so that
 * training sees the tokens tagging will. Person, Organization, Location and Facility are
 * PER/ORG/LOC as scored; Misc and NORP are the CoNLL MISC class (nationalities and named
 * things); the other unscored types (dates, money, products) are outside any name.
 *
 * A sentence whose gold spans do not fall on token boundaries is dropped rather than
 * guessed. `fold` keeps one outlet fold only (see `ewnFold`), so that a model trained on
 * it is scored on outlets it never saw.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { articleId } from '../core/ids.ts';
import { segmentPlainText } from '../segment/index.ts';
import { ewnFold, readEwn, type EwnRecord } from '../eval/ewn.ts';
import type { EntityClass, TokenSpan } from './labels.ts';
import type { LabeledDocument, LabeledSentence } from './corpus.ts';

const TRAIN_CLASS: Record<string, EntityClass> = {
  PER: 'PER',
  ORG: 'ORG',
  LOC: 'LOC',
  Misc: 'MISC',
  NORP: 'MISC',
};

/** The EWN file's articles as documents; `fold` 0 or 1 keeps that outlet fold only. */
export function readEwnDocuments(corpora: string, fold?: 0 | 1): LabeledDocument[] {
  const file = join(corpora, 'ewn/dev.jsonl');
  if (!existsSync(file)) return [];
  return readEwn(file)
    .filter((record) => fold === undefined || ewnFold(record) === fold)
    .map(toDocument);
}

function toDocument(record: EwnRecord): LabeledDocument {
  const spans = [...record.entities, ...record.unscored]
    .map((s) => ({ start: s.start, end: s.end, type: TRAIN_CLASS[s.type] }))
    .filter((s): s is { start: number; end: number; type: EntityClass } => Boolean(s.type));
  const doc = segmentPlainText({
    id: articleId(record.id),
    slug: record.id,
    file: record.id,
    meta: { title: record.id, authors: [], language: 'en' },
    body: record.text,
    bodyLine: 1,
    hash: record.id,
  });
  const sentences: LabeledSentence[] = [];
  for (const paragraph of doc.paragraphs) {
    const base = doc.offsets.get(paragraph.id) as number;
    for (const sentence of paragraph.sentences) {
      const from = base + sentence.start;
      const to = base + sentence.end;
      const byStart = new Map(sentence.tokens.map((t, i) => [base + t.start, i]));
      const byEnd = new Map(sentence.tokens.map((t, i) => [base + t.end, i]));
      const inside = spans.filter((s) => s.start < to && s.end > from);
      const tokenSpans: TokenSpan[] = [];
      let aligned = true;
      for (const s of inside) {
        const start = byStart.get(s.start);
        const last = byEnd.get(s.end);
        if (start === undefined || last === undefined || last < start) {
          aligned = false;
          break;
        }
        tokenSpans.push({ start, end: last + 1, type: s.type });
      }
      tokenSpans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < tokenSpans.length; i++)
        if ((tokenSpans[i] as TokenSpan).start < (tokenSpans[i - 1] as TokenSpan).end)
          aligned = false;
      if (!aligned) continue;
      sentences.push({ words: sentence.tokens.map((t) => t.text), spans: tokenSpans });
    }
  }
  return { id: `ewn#${record.id}`, sentences };
}
