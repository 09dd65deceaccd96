/**
 * Builds gazetteers from training data only (never dev or test): names annotated in
 * CoNLL-2003 train, in the train splits of WNUT-17, BTC and CrossNER, in wikigold,
 * and Reuters-21578's own index of people, organisations and places.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../segment/tokenize.ts';
import { addName, type Gazetteer } from './gazetteer.ts';
import { addWorldNames } from './world-names.ts';
import { readJsonl, toEntityClass, type CharEntity, type LabeledDocument } from './corpus.ts';

/** The full gazetteer (for the saved model) and one per training fold (jackknife). */
export interface Gazetteers {
  full: Gazetteer;
  folds: Gazetteer[];
}

/**
 * `folds` = 0 disables gazetteers (empty lists). Document i belongs to fold i mod folds.
 * `world`: add the compiled world lists (`models/names/`) to every fold.
 */
export function buildGazetteers(
  corpora: string,
  documents: readonly LabeledDocument[],
  folds: number,
  world = true,
): Gazetteers {
  if (folds === 0) return { full: new Map(), folds: [new Map()] };
  const external: Gazetteer = new Map();
  addExternalNames(corpora, external);
  if (world) addWorldNames(external);
  const full = new Map(external);
  const perFold = Array.from({ length: folds }, () => new Map(external));
  documents.forEach((document, index) => {
    for (const sentence of document.sentences) {
      for (const span of sentence.spans) {
        const words = sentence.words.slice(span.start, span.end);
        addName(full, words, span.type);
        perFold.forEach((gazetteer, fold) => {
          if (fold !== index % folds) addName(gazetteer, words, span.type);
        });
      }
    }
  });
  return { full, folds: perFold };
}

function addExternalNames(corpora: string, gazetteer: Gazetteer): void {
  for (const file of [
    'wnut17/train.jsonl',
    'btc/train.jsonl',
    'crossner/train.jsonl',
    'wikigold/all.jsonl',
  ]) {
    const path = join(corpora, file);
    if (!existsSync(path)) continue;
    for (const record of readJsonl<{
      text: string;
      entities: Array<CharEntity & { norm?: string | null }>;
    }>(path)) {
      for (const entity of record.entities) {
        const type = toEntityClass(entity.norm ?? entity.type);
        if (!type) continue;
        const words = tokenize(record.text.slice(entity.start, entity.end)).map(
          (token) => token.text,
        );
        addName(gazetteer, words, type);
      }
    }
  }
  const reuters = join(corpora, 'reuters21578/reuters21578.jsonl');
  if (!existsSync(reuters)) return;
  const index = { people: 'PER', orgs: 'ORG', places: 'LOC' } as const;
  const seen = new Set<string>();
  for (const record of readJsonl<Record<string, unknown>>(reuters)) {
    for (const [field, type] of Object.entries(index)) {
      for (const term of (record[field] as string[] | undefined) ?? []) {
        if (seen.has(`${field}:${term}`)) continue;
        seen.add(`${field}:${term}`);
        // Index terms are lower-case and hyphenated: `james-baker`, `new-zealand`.
        addName(gazetteer, term.split('-'), type);
      }
    }
  }
}
