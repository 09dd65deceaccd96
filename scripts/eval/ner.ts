/**
 * Named-entity evaluation through the product's own extractor (the engine of
 * `kb extract --jsonl`): exact-span P/R/F1 per type on CoNLL-2003 / CoNLL++ and
 * WNUT-17, and document-level entity P/R/F1 on GUM news. Site counts as ORG.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractor, type Extraction } from '../build/extract-text.ts';
import { scoreSpans, type ScoredSpan, type SpanScores } from '../tagger/eval-conll.ts';
import type { EntityType } from '../core/schema.ts';

/** How Dossier's types meet the corpora's PER/ORG/LOC. */
const CORPUS_TYPE: Partial<Record<EntityType, string>> = {
  person: 'PER',
  organization: 'ORG',
  site: 'ORG',
  place: 'LOC',
};

interface JsonlRecord {
  id: string;
  text: string;
  entities: Array<{ start: number; end: number; type?: string; norm?: string | null }>;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function predictedSpans(extraction: Extraction): ScoredSpan[] {
  return extraction.entities.flatMap((e) => {
    const type = CORPUS_TYPE[e.type];
    return type
      ? e.mentions.map((m) => ({ doc: extraction.id, start: m.start, end: m.end, type }))
      : [];
  });
}

/** Exact-span scores on a JSONL file with gold `entities` (`type` or `norm` PER/ORG/LOC). */
export function evaluateSpanFile(file: string, linesAreSentences: boolean): SpanScores {
  const extractor = createExtractor({ linesAreSentences });
  const gold: ScoredSpan[] = [];
  const predicted: ScoredSpan[] = [];
  for (const record of readJsonl<JsonlRecord>(file)) {
    for (const e of record.entities) {
      const type = e.norm === undefined ? e.type : e.norm;
      if (type) gold.push({ doc: record.id, start: e.start, end: e.end, type });
    }
    predicted.push(...predictedSpans(extractor.extract(record.id, record.text)));
  }
  return scoreSpans(gold, predicted);
}

interface GumDocument {
  id: string;
  text: string;
  mentions: Array<{
    cluster: string;
    etype: string;
    start: number;
    end: number;
    has_propn: boolean;
    identity: string | null;
  }>;
}

const GUM_TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** The GUM news documents of a split, as listed in `splits.md`. */
export function gumNewsDocuments(gumDir: string, split: 'dev' | 'test'): string[] {
  const text = readFileSync(join(gumDir, 'splits.md'), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith(`${split}\n`)) ?? '';
  return [...section.matchAll(/\*\s+(GUM_news_\S+)/g)].map((m) => m[1]!);
}

/**
 * Document-level entities on GUM news: a gold entity is a cluster with a proper-noun
 * mention of a scored type (a name, whether or not Wikipedia knows it); it is found when
 * a predicted entity of that type has a mention with exactly the span of one of its
 * named mentions.
 */
export function evaluateGum(gumDir: string, split: 'dev' | 'test'): SpanScores {
  const extractor = createExtractor();
  const gold: ScoredSpan[] = [];
  const predicted: ScoredSpan[] = [];
  for (const name of gumNewsDocuments(gumDir, split)) {
    const doc = JSON.parse(
      readFileSync(join(gumDir, 'json', `${name}.json`), 'utf8'),
    ) as GumDocument;
    const clusters = new Map<string, { type: string; spans: Set<string> }>();
    for (const m of doc.mentions) {
      const type = GUM_TYPE[m.etype];
      if (!type || !m.has_propn) continue;
      const cluster = clusters.get(m.cluster) ?? { type, spans: new Set<string>() };
      cluster.spans.add(`${m.start}:${m.end}`);
      clusters.set(m.cluster, cluster);
    }
    const spanToCluster = new Map<string, string>();
    for (const [id, c] of clusters)
      for (const span of c.spans) spanToCluster.set(`${c.type}@${span}`, id);
    for (const [id, c] of clusters)
      gold.push({ doc: name, start: Number(id), end: 0, type: c.type });
    for (const e of extractor.extract(name, doc.text).entities) {
      const type = CORPUS_TYPE[e.type];
      if (!type) continue;
      const hit = e.mentions
        .map((m) => spanToCluster.get(`${type}@${m.start}:${m.end}`))
        .find(Boolean);
      // A predicted entity that matches a gold cluster stands for it; one that matches none is a false positive.
      predicted.push({ doc: name, start: hit ? Number(hit) : -1 - predicted.length, end: 0, type });
    }
  }
  return scoreSpans(gold, dedupe(predicted));
}

/** Two predicted entities that hit the same gold cluster count once. */
function dedupe(spans: ScoredSpan[]): ScoredSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.doc}:${s.start}:${s.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function corpusAvailable(corpora: string, path: string): boolean {
  return existsSync(join(corpora, path));
}

export interface ThresholdRow {
  threshold: number;
  kept: number;
  precision: number;
  /** Share of correct entities (at threshold 0) still kept. */
  recall: number;
}

/**
 * How the page threshold trades precision for recall, per document-level entity on a
 * JSONL file: an entity is correct when one of its mentions matches a gold span exactly
 * and with its type. Used to set `PAGE_THRESHOLD` from measurement.
 */
export function thresholdTable(
  file: string,
  linesAreSentences: boolean,
  thresholds: number[],
): ThresholdRow[] {
  const extractor = createExtractor({ linesAreSentences });
  const scored: Array<{ score: number; correct: boolean }> = [];
  for (const record of readJsonl<JsonlRecord>(file)) {
    const gold = new Set(
      record.entities.map((e) => `${e.start}:${e.end}:${e.norm === undefined ? e.type : e.norm}`),
    );
    for (const e of extractor.extract(record.id, record.text).entities) {
      const type = CORPUS_TYPE[e.type];
      if (!type) continue;
      scored.push({
        score: e.score,
        correct: e.mentions.some((m) => gold.has(`${m.start}:${m.end}:${type}`)),
      });
    }
  }
  const allCorrect = scored.filter((s) => s.correct).length;
  return thresholds.map((threshold) => {
    const kept = scored.filter((s) => s.score >= threshold);
    const correct = kept.filter((s) => s.correct).length;
    return {
      threshold,
      kept: kept.length,
      precision: kept.length ? correct / kept.length : 0,
      recall: allCorrect ? correct / allCorrect : 0,
    };
  });
}
