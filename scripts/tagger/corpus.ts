/**
 * Readers for the annotated and unannotated corpora in `../shared/corpora`
 * (see its README.md). Nothing read here is ever written into the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spansFromIob, type EntityClass, type TokenSpan } from './labels.ts';

/** A tokenized sentence with gold token spans. */
export interface LabeledSentence {
  words: string[];
  spans: TokenSpan[];
}

/** A document: the unit of the extended prediction history. */
export interface LabeledDocument {
  id: string;
  sentences: LabeledSentence[];
}

/** A character-offset entity, as in the corpora's `*.jsonl` files. */
export interface CharEntity {
  type: string;
  start: number;
  end: number;
  text?: string;
}

/** A document with character-offset gold entities (`text`: one sentence per line). */
export interface OffsetDocument {
  id: string;
  text: string;
  entities: CharEntity[];
}

/** Reads JSON Lines. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Reads a CoNLL-2003 `*.txt` split: `token POS chunk NER` lines, documents split by -DOCSTART-. */
export function readConllDocuments(path: string): LabeledDocument[] {
  const documents: LabeledDocument[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length === 0) return;
    if (documents.length === 0) documents.push({ id: `${path}#0`, sentences: [] });
    documents.at(-1)?.sentences.push({ words, spans: spansFromIob(tags) });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      documents.push({ id: `${path}#${documents.length}`, sentences: [] });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.split(' ');
    words.push(parts[0] as string);
    tags.push(parts.at(-1) as string);
  }
  flush();
  return documents.filter((document) => document.sentences.length > 0);
}

/** Turns token-level documents into offset documents: tokens joined by spaces, a line per sentence. */
export function toOffsetDocument(document: LabeledDocument): OffsetDocument {
  const lines: string[] = [];
  const entities: CharEntity[] = [];
  let base = 0;
  for (const sentence of document.sentences) {
    const starts: number[] = [];
    let cursor = base;
    for (const word of sentence.words) {
      starts.push(cursor);
      cursor += word.length + 1;
    }
    for (const span of sentence.spans) {
      const start = starts[span.start] as number;
      const end =
        (starts[span.end - 1] as number) + (sentence.words[span.end - 1] as string).length;
      entities.push({ type: span.type, start, end });
    }
    const line = sentence.words.join(' ');
    lines.push(line);
    base += line.length + 1;
  }
  return { id: document.id, text: lines.join('\n'), entities };
}

/** Reads offset documents from a CoNLL split, preferring `split.jsonl` and falling back to `split.txt`. */
export function readOffsetDocuments(conllDir: string, split: string): OffsetDocument[] {
  try {
    return readJsonl<OffsetDocument>(join(conllDir, `${split}.jsonl`));
  } catch {
    return readConllDocuments(join(conllDir, `${split}.txt`)).map(toOffsetDocument);
  }
}

/** Maps a corpus type (`norm` field or CoNLL type) to a tagger class, or null. */
export function toEntityClass(type: string | null | undefined): EntityClass | null {
  return type === 'PER' || type === 'ORG' || type === 'LOC' || type === 'MISC' ? type : null;
}
