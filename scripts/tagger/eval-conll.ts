/**
 * Exact-span evaluation in the CoNLL-2003 convention (Tjong Kim Sang & De Meulder
 * 2003): a predicted entity counts only if its type and both boundaries match a gold
 * entity. Dossier uses PER, ORG and LOC, so the headline figure is micro-averaged
 * over those three; MISC is scored for information only.
 */
import { tokenize } from '../segment/tokenize.ts';
import type { CharEntity, OffsetDocument } from './corpus.ts';
import { readJsonl, readOffsetDocuments } from './corpus.ts';
import type { NerModel } from './model.ts';

/** A typed character span within one document. */
export interface ScoredSpan {
  doc: string;
  start: number;
  end: number;
  type: string;
}

/** Precision, recall, F1 (all in [0, 1]) and the counts they come from. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Per-type scores plus `micro`, micro-averaged over PER, ORG and LOC. */
export type SpanScores = Record<string, Score> & { micro: Score };

/** The types the headline micro-average covers. */
export const SCORED_TYPES = ['PER', 'ORG', 'LOC'];

/** Compares gold and predicted spans by exact (doc, start, end, type) match. */
export function scoreSpans(
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
): SpanScores {
  const key = (span: ScoredSpan): string =>
    `${span.doc}\u0000${span.start}\u0000${span.end}\u0000${span.type}`;
  const goldKeys = new Set(gold.map(key));
  const types = [...new Set([...gold, ...predicted].map((span) => span.type))].sort();
  const counts: Record<string, { gold: number; predicted: number; correct: number }> = {};
  for (const type of [...types, 'micro']) counts[type] = { gold: 0, predicted: 0, correct: 0 };
  for (const span of gold) {
    counts[span.type]!.gold++;
    if (SCORED_TYPES.includes(span.type)) counts.micro!.gold++;
  }
  for (const span of predicted) {
    const hit = goldKeys.has(key(span)) ? 1 : 0;
    for (const type of SCORED_TYPES.includes(span.type) ? [span.type, 'micro'] : [span.type]) {
      counts[type]!.predicted++;
      counts[type]!.correct += hit;
    }
  }
  const scores: Record<string, Score> = {};
  for (const [type, c] of Object.entries(counts)) {
    const precision = c.predicted ? c.correct / c.predicted : 0;
    const recall = c.gold ? c.correct / c.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    scores[type] = { precision, recall, f1, ...c };
  }
  return scores as SpanScores;
}

/**
 * Tags offset documents the way the site will: each line is a sentence, tokenized by
 * the pipeline's tokenizer, then scores the character spans against gold.
 */
export function evaluateDocuments(
  documents: readonly OffsetDocument[],
  model: NerModel,
): SpanScores {
  const gold: ScoredSpan[] = [];
  const predicted: ScoredSpan[] = [];
  for (const document of documents) {
    gold.push(
      ...document.entities.map((entity: CharEntity) => ({
        doc: document.id,
        start: entity.start,
        end: entity.end,
        type: entity.type,
      })),
    );
    const sentences = [];
    let offset = 0;
    for (const line of document.text.split('\n')) {
      sentences.push(tokenize(line, offset));
      offset += line.length + 1;
    }
    for (const mention of model.tagSentences(sentences).flat()) {
      predicted.push({
        doc: document.id,
        start: mention.start,
        end: mention.end,
        type: mention.type,
      });
    }
  }
  return scoreSpans(gold, predicted);
}

/** Tags a CoNLL-style `*.jsonl` file (`{id, text, entities}`) and scores it. */
export function evaluateConllFile(path: string, model: NerModel): SpanScores {
  return evaluateDocuments(readJsonl<OffsetDocument>(path), model);
}

/** Tags one split of the CoNLL-2003 folder (`valid`, `test`, `conllpp-test`, …) and scores it. */
export function evaluateConllSplit(conllDir: string, split: string, model: NerModel): SpanScores {
  return evaluateDocuments(readOffsetDocuments(conllDir, split), model);
}

/** One line per type: `PER  P 91.2  R 90.1  F1 90.6  (n=1842)`. */
export function formatScores(scores: SpanScores): string {
  return Object.entries(scores)
    .map(
      ([type, s]) =>
        `${type.padEnd(5)} P ${(100 * s.precision).toFixed(2)}  R ${(100 * s.recall).toFixed(2)}  F1 ${(100 * s.f1).toFixed(2)}  (gold ${s.gold})`,
    )
    .join('\n');
}
