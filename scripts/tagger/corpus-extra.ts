/**
 * Train splits of the other annotated corpora (wikigold, CrossNER, BTC, WNUT-17) as
 * extra training documents: texts tokenized by the pipeline's tokenizer, entity types
 * mapped through their `norm` field, records whose entities do not fall on token
 * boundaries dropped rather than guessed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../segment/tokenize.ts';
import {
  readJsonl,
  toEntityClass,
  type CharEntity,
  type LabeledDocument,
  type LabeledSentence,
} from './corpus.ts';
import type { TokenSpan } from './labels.ts';

interface Record {
  id: string;
  doc?: string;
  text: string;
  entities: Array<CharEntity & { norm?: string | null }>;
}

/** Reads `files` (paths relative to the corpora folder) into documents; records sharing `doc` form one document. */
export function readExtraDocuments(corpora: string, files: readonly string[]): LabeledDocument[] {
  const documents = new Map<string, LabeledDocument>();
  for (const file of files) {
    const path = join(corpora, file);
    if (!existsSync(path)) continue;
    for (const record of readJsonl<Record>(path)) {
      const sentence = toSentence(record);
      if (!sentence) continue;
      const id = `${file}#${record.doc ?? record.id}`;
      const document = documents.get(id) ?? { id, sentences: [] };
      document.sentences.push(sentence);
      documents.set(id, document);
    }
  }
  return [...documents.values()];
}

function toSentence(record: Record): LabeledSentence | null {
  const tokens = tokenize(record.text);
  const byStart = new Map(tokens.map((token, i) => [token.start, i]));
  const byEnd = new Map(tokens.map((token, i) => [token.end, i]));
  const spans: TokenSpan[] = [];
  for (const entity of record.entities) {
    const type = toEntityClass(entity.norm === undefined ? entity.type : entity.norm);
    if (!type) continue;
    const start = byStart.get(entity.start);
    const last = byEnd.get(entity.end);
    if (start === undefined || last === undefined || last < start) return null;
    spans.push({ start, end: last + 1, type });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++)
    if ((spans[i] as TokenSpan).start < (spans[i - 1] as TokenSpan).end) return null;
  return { words: tokens.map((token) => token.text), spans };
}
