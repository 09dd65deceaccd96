/**
 * Issue 23: the world's name lists compile into typed list features, one file per source,
 * and a newsroom's own names join the lists the tagger learnt to trust.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LIST_TYPES, matchGazetteer } from '../../scripts/tagger/gazetteer.ts';
import {
  addUserNames,
  addWorldNames,
  compileWorldNames,
} from '../../scripts/tagger/world-names.ts';

const work = mkdtempSync(join(tmpdir(), 'dossier-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER = 'name\ttype\taliases\tsource_id\tsubtype\tcountry\tinfo';
function gazetteer(file: string, rows: string[]): void {
  mkdirSync(join(work, 'world/gazetteers'), { recursive: true });
  writeFileSync(
    join(work, 'world/gazetteers', `${file}.tsv.gz`),
    gzipSync([HEADER, ...rows].join('\n') + '\n'),
  );
}

const bit = (list: (typeof LIST_TYPES)[number]) => 1 << LIST_TYPES.indexOf(list);

describe('world name lists', () => {
  gazetteer('places-geonames-cities1000', [
    'Rae Bareli\tplace\tRaebareli\tgeonames:1\tcity/PPLA2\tIN\tpopulation=191316',
    'Tinyville\tplace\tTiny Town\tgeonames:2\tcity/PPL\tUS\tpopulation=1200',
    'Whitehorse\tplace\tWhite Horse\tgeonames:3\tcity/PPLA\tCA\tpopulation=25085',
  ]);
  gazetteer('places-countries', [
    'Gambia\tplace\tThe Gambia\tiso:GM\tcountry\tGM\talpha3=GMB;demonyms=Gambian;capital=Banjul',
  ]);
  gazetteer('organizations-companies-listed', [
    'Airbus SE\torganization\tAirbus\tfd:AIR\tcompany/listed\tFR\t',
  ]);
  const out = join(work, 'names');
  const counts = compileWorldNames(join(work, 'world'), out);

  it('compiles each source into its own sorted file of typed keys, the same bytes every time', () => {
    expect(counts.get('places-geonames-cities1000')).toBe(5);
    const lines = gunzipSync(readFileSync(join(out, 'places-geonames-cities1000.tsv.gz'))).toString(
      'utf8',
    );
    expect(lines).toBe(
      'BIG_CITY\trae bareli\nBIG_CITY\traebareli\nCITY\trae bareli\nCITY\traebareli\nCITY\twhitehorse\n',
    );
    const first = readFileSync(join(out, 'places-countries.tsv.gz'));
    compileWorldNames(join(work, 'world'), out);
    expect(readFileSync(join(out, 'places-countries.tsv.gz')).equals(first)).toBe(true);
  });

  it('gives a country its demonyms as nationalities, a company its short name', () => {
    const names = addWorldNames(new Map(), out);
    expect(names.get('gambian')).toBe(bit('NATIONALITY'));
    expect(names.get('the gambia')).toBe(bit('COUNTRY'));
    expect(names.get('airbus')).toBe(bit('COMPANY'));
    expect(names.has('tiny town')).toBe(false);
  });

  it('matches a listed name in a sentence as a typed span the features read', () => {
    const names = addWorldNames(new Map(), out);
    const words = ['Sonia', 'Gandhi', 'won', 'Rae', 'Bareli', '.'];
    const matches = matchGazetteer(names, words);
    const city = LIST_TYPES.indexOf('CITY');
    expect(matches[3]).toContain(city * 4 + 0);
    expect(matches[4]).toContain(city * 4 + 2);
    expect(matches[2]).toEqual([]);
  });
});

describe("a newsroom's own names", () => {
  it('adds them to the lists learnt from annotated names', () => {
    const file = join(work, 'names.txt');
    writeFileSync(
      file,
      '# beat\nperson\tBakary Gassama\norganization  Belaruskali\n\nplace\tCaquetá # a department\n',
    );
    const names = addUserNames(new Map(), file);
    expect(names.get('bakary gassama')).toBe(bit('PER'));
    expect(names.get('belaruskali')).toBe(bit('ORG'));
    expect(names.get('caquetá')).toBe(bit('LOC'));
  });

  it('names the file, the line and the fix when a line has no known type', () => {
    const file = join(work, 'bad-names.txt');
    writeFileSync(file, 'person\tAda Quill\nBelaruskali\n');
    expect(() => addUserNames(new Map(), file)).toThrow(/bad-names\.txt:2: .*type .*person/);
  });
});
