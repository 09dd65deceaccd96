/**
 * English Worldwide Newswire (Shan et al. 2023), the modern, worldwide news set: exact-span
 * P/R/F1 per type, per region and per outlet fold, through the product's own extractor, and
 * the errors sorted into the categories that issue #23 found (names cut at a particle, a
 * title or nationality inside a name, currencies and hyphenated words, page furniture…).
 *
 * Spans of the set's other types (Misc, NORP, Product, Date, Money…) are `unscored`: a
 * prediction with exactly such a span is neither rewarded nor punished.
 *
 * Outlets are split into two folds by region (`ewnFold`), so that a model trained on one
 * fold is scored on outlets it never saw; `kb train --ewn <fold>` trains on one.
 */
import { readFileSync } from 'node:fs';
import { createExtractor, type Extraction } from '../build/extract-text.ts';
import { scoreSpans, type ScoredSpan, type SpanScores } from '../tagger/eval-conll.ts';
import { hashString } from '../tagger/hash.ts';
import { tallyError, type ErrorCategories } from './polnear-errors.ts';
import { appendTo } from '../core/collections.ts';
import type { EntityType } from '../core/schema.ts';

const CORPUS_TYPE: Partial<Record<EntityType, string>> = {
  person: 'PER',
  organization: 'ORG',
  site: 'ORG',
  place: 'LOC',
};

export interface EwnSpan {
  type: string;
  start: number;
  end: number;
  text: string;
}

export interface EwnRecord {
  id: string;
  url: string;
  region_prefix: string;
  text: string;
  entities: EwnSpan[];
  unscored: EwnSpan[];
}

export function readEwn(file: string): EwnRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EwnRecord);
}

/**
 * The outlet fold of a record, 0 or 1: by its region, so all of an outlet's articles (and
 * every outlet of one country) fall on the same side.
 */
export function ewnFold(record: Pick<EwnRecord, 'region_prefix'>): 0 | 1 {
  return (hashString(`ewn:${record.region_prefix}`) & 1) as 0 | 1;
}

interface Predicted extends ScoredSpan {
  text: string;
}

function predictions(record: EwnRecord, extraction: Extraction): Predicted[] {
  const unscored = new Set(record.unscored.map((s) => `${s.start}:${s.end}`));
  return extraction.entities.flatMap((e) => {
    const type = CORPUS_TYPE[e.type];
    if (!type) return [];
    return e.mentions
      .filter((m) => !unscored.has(`${m.start}:${m.end}`))
      .map((m) => ({ doc: record.id, start: m.start, end: m.end, type, text: m.text }));
  });
}

export interface EwnResult {
  all: SpanScores;
  byRegion: Map<string, SpanScores>;
  byFold: [SpanScores, SpanScores];
  errors: ErrorCategories;
  articles: number;
}

/**
 * Scores `records` and sorts the errors into categories. `before(record)` runs before each
 * record is extracted (`--cross` switches to the model that never saw its outlets there).
 */
export function evaluateEwn(
  records: readonly EwnRecord[],
  keep = 5,
  before?: (record: EwnRecord) => void,
): EwnResult {
  const extractor = createExtractor();
  const gold = new Map<string, ScoredSpan[]>();
  const predicted = new Map<string, Predicted[]>();
  const errors: ErrorCategories = {};
  const push = <T>(map: Map<string, T[]>, key: string, items: T[]): void => {
    for (const item of items) appendTo(map, key, item);
  };
  for (const record of records) {
    const goldSpans = record.entities.map((e) => ({
      doc: record.id,
      start: e.start,
      end: e.end,
      type: e.type,
    }));
    before?.(record);
    const found = predictions(record, extractor.extract(record.id, record.text));
    for (const key of [record.region_prefix, `fold ${ewnFold(record)}`, 'all']) {
      push(gold, key, goldSpans);
      push(predicted, key, found);
    }
    categorize(record, found, errors, keep);
  }
  const score = (key: string): SpanScores =>
    scoreSpans(gold.get(key) ?? [], predicted.get(key) ?? []);
  const regions = [...new Set(records.map((r) => r.region_prefix))].sort();
  return {
    all: score('all'),
    byRegion: new Map(regions.map((region) => [region, score(region)])),
    byFold: [score('fold 0'), score('fold 1')],
    errors,
    articles: records.length,
  };
}

const PARTICLE =
  /^(?:of|and|&|for|the|de|del|della|da|do|dos|das|di|du|des|la|le|van|von|der|den|ter|bin|bint|ibn|ben|bn|al|el|abu|abd|ould|y|e|mac|st\.?)$/i;
const TITLE =
  /^(?:mr|mrs|ms|dr|prof|professor|president|prime|minister|king|queen|prince|princess|sheikh|justice|judge|gen|general|col|colonel|capt|captain|sir|lord|lady|chief|governor|gov|senator|sen|rep|mayor|ambassador|secretary|chairman|ceo|coach|pope|cardinal|bishop|rev|imam|sultan|emir|crown|deputy|vice|former|late|hon)\.?$/i;
const FURNITURE =
  /^(?:slideshow|file photo|photo|photos|video|watch|read more|advertisement|related|reuters|afp|ap|ani|pti|ians|xinhua|yonhap|kyodo|ips|bernama|wam|spa|ina)$/i;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The extra words of the longer span beyond the shorter, when one contains the other. */
function difference(outer: string, inner: string): string[] {
  const at = outer.indexOf(inner);
  if (at < 0) return [];
  return `${outer.slice(0, at)} ${outer.slice(at + inner.length)}`
    .split(/[\s-]+/)
    .map((w) => w.replace(/[’'.,]+$/, ''))
    .filter(Boolean);
}

/** What a country adjective or nationality looks like (Gambian, Saudi, Japanese…). */
const NATIONALITY = /^(?:\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|i|ic|ch|ss|nian))$/u;

function categorize(
  record: EwnRecord,
  found: Predicted[],
  tally: ErrorCategories,
  keep: number,
): void {
  const text = record.text;
  const quote = (s: { start: number; end: number }): string =>
    text.slice(s.start, s.end).replace(/\s+/g, ' ');
  const context = (s: { start: number; end: number }): string =>
    `${text.slice(Math.max(0, s.start - 30), s.start)}[${quote(s)}]${text.slice(s.end, s.end + 30)}`.replace(
      /\s+/g,
      ' ',
    );
  const goldKey = new Set(record.entities.map((g) => `${g.start}:${g.end}:${g.type}`));
  const predictedKey = new Set(found.map((p) => `${p.start}:${p.end}:${p.type}`));
  for (const p of found) {
    if (goldKey.has(`${p.start}:${p.end}:${p.type}`)) continue;
    const word = quote(p);
    const before = text.slice(Math.max(0, p.start - 1), p.start);
    const after = text.slice(p.end, p.end + 2);
    const sameSpan = record.entities.find((g) => g.start === p.start && g.end === p.end);
    const overlapping = record.entities.filter((g) => overlaps(g, p));
    let category: string;
    if (sameSpan) category = `wrong type · ${sameSpan.type} called ${p.type}`;
    else if (
      p.type === 'LOC' &&
      (/^\$/.test(after) || /^\s*dollars?\b/i.test(text.slice(p.end, p.end + 9)))
    )
      category = 'spurious · currency prefix as place';
    else if (FURNITURE.test(word)) category = 'spurious · page furniture or agency';
    else if (overlapping.length) {
      const g = overlapping[0]!;
      const goldText = quote(g);
      if (p.start <= g.start && p.end >= g.end) {
        const extra = difference(word, goldText);
        category = extra.some((w) => TITLE.test(w))
          ? 'boundary · title inside the name'
          : extra.some((w) => NATIONALITY.test(w))
            ? 'boundary · nationality inside the name'
            : 'boundary · too long';
      } else if (p.start >= g.start && p.end <= g.end) {
        const missing = difference(goldText, word);
        category = missing.some((w) => PARTICLE.test(w))
          ? 'boundary · cut at a particle (of, and, bin, al-, de…)'
          : 'boundary · too short';
      } else category = 'boundary · crossing';
      if (g.type !== p.type) category += ' (and wrong type)';
    } else if (before === '-' || text.slice(p.end, p.end + 1) === '-')
      category = 'spurious · part of a hyphenated word';
    else category = `spurious · ${p.type} where there is no name`;
    tallyError(tally, category, `${p.type} ${context(p)}`, keep);
  }
  for (const g of record.entities) {
    if (predictedKey.has(`${g.start}:${g.end}:${g.type}`)) continue;
    if (found.some((p) => overlaps(p, g))) continue; // counted above, as a boundary or type error
    const after = text.slice(g.end, g.end + 1);
    const before = text.slice(Math.max(0, g.start - 1), g.start);
    const category =
      after === '-' || before === '-'
        ? `missed · ${g.type} inside a hyphenated word`
        : FURNITURE.test(quote(g))
          ? `missed · ${g.type} agency or dateline`
          : `missed · ${g.type}`;
    tallyError(tally, category, context(g), keep);
  }
}

/** Lines of per-type and per-region scores. */
export function formatEwn(result: EwnResult): string {
  const f = (s: SpanScores, type: string): string =>
    (100 * (s[type]?.f1 ?? 0)).toFixed(1).padStart(5);
  const row = (label: string, s: SpanScores): string =>
    `  ${label.padEnd(14)} ${f(s, 'PER')} ${f(s, 'ORG')} ${f(s, 'LOC')}   ${f(s, 'micro')}  (gold ${s.micro.gold})`;
  const lines = [
    `  ${''.padEnd(14)}   PER   ORG   LOC   micro`,
    row(`all (${result.articles})`, result.all),
    row('outlet fold 0', result.byFold[0]),
    row('outlet fold 1', result.byFold[1]),
    ...[...result.byRegion].map(([region, s]) => row(region, s)),
  ];
  return lines.join('\n');
}
