import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../scripts/segment/index.ts';
import { resolveEntities } from '../../scripts/resolve/index.ts';
import { cleanName, squashedKey } from '../../scripts/resolve/name-keys.ts';
import { isAcronymOf } from '../../scripts/resolve/aliases.ts';
import type { EntityType } from '../../scripts/core/schema.ts';
import type { Mention } from '../../scripts/core/types.ts';
import { makeArticle } from '../helpers.ts';

/** Mentions of `names` (with types) wherever they occur in the article text. */
function input(slug: string, body: string, names: Array<[string, EntityType, string?]>) {
  const doc = segmentArticle(makeArticle(body, slug));
  const mentions: Mention[] = [];
  for (const p of doc.paragraphs) {
    for (const [name, type, source = 'tagger'] of names) {
      for (const m of p.text.matchAll(
        new RegExp(`(?<![\\p{L}])${name.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'gu'),
      )) {
        const overlaps = mentions.some(
          (o) => o.paragraph === p.id && o.start < m.index + name.length && m.index < o.end,
        );
        if (!overlaps)
          mentions.push({
            paragraph: p.id,
            start: m.index,
            end: m.index + name.length,
            text: name,
            type,
            score: 0.9,
            source,
          });
      }
    }
  }
  return { doc, mentions };
}

const resolve = (inputs: ReturnType<typeof input>[]) =>
  resolveEntities(inputs, [], { threshold: 0.5 }).entities;

describe('resolveEntities', () => {
  it('sends bare surnames and short forms to the full name in the same article', () => {
    const a = input(
      'a',
      'Cloudflare CEO Matthew Prince spoke.\n\nPrince said so. The Washington Post asked; Prince told The Post.',
      [
        ['Matthew Prince', 'person'],
        ['Prince', 'person'],
        ['Washington Post', 'organization'],
        ['Post', 'organization'],
        ['Cloudflare', 'organization'],
      ],
    );
    const entities = resolve([a]);
    const prince = entities.find((e) => e.name === 'Matthew Prince')!;
    expect(prince.id).toBe('person/matthew-prince');
    expect(prince.mentions).toHaveLength(3);
    expect(prince.aliases).toEqual(['Prince']);
    expect(entities.find((e) => e.name === 'Washington Post')!.mentions).toHaveLength(2);
    expect(entities.map((e) => e.name).sort()).toEqual([
      'Cloudflare',
      'Matthew Prince',
      'Washington Post',
    ]);
  });

  it('merges spacing, plural and case variants across articles, never two different full names', () => {
    const a = input('a', 'Kiwi Farms and KiwiFarms. Josh Moon spoke.', [
      ['Kiwi Farms', 'site', 'patterns'],
      ['KiwiFarms', 'organization'],
      ['Josh Moon', 'person'],
    ]);
    const b = input('b', 'Kiwi Farm and Kiwifarms. Keith Moon drummed.', [
      ['Kiwi Farm', 'organization'],
      ['Kiwifarms', 'organization'],
      ['Keith Moon', 'person'],
    ]);
    const entities = resolve([a, b]);
    const kiwi = entities.filter((e) => e.name.startsWith('Kiwi'));
    expect(kiwi).toHaveLength(1);
    expect(kiwi[0]).toMatchObject({ type: 'site', name: 'Kiwi Farms' });
    expect(kiwi[0]!.mentions).toHaveLength(4);
    expect(
      entities
        .filter((e) => e.type === 'person')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Josh Moon', 'Keith Moon']);
  });

  it('makes an organization a site only when a third of the articles naming it say so', () => {
    const articles = (cued: number) =>
      ['a', 'b', 'c', 'd', 'e', 'f'].map((slug, i) =>
        input(`${slug}${cued}`, 'Blorp Holdings reported. Blorp Holdings grew.', [
          ['Blorp Holdings', i < cued ? 'site' : 'organization', i < cued ? 'patterns' : 'tagger'],
        ]),
      );
    // One article in six: a stray cue ("the Blorp Holdings site" of a factory).
    expect(resolve(articles(1))[0]).toMatchObject({ name: 'Blorp Holdings', type: 'organization' });
    expect(resolve(articles(2))[0]).toMatchObject({ name: 'Blorp Holdings', type: 'site' });
  });

  it('names an organization by a form many of its articles use, a person by the fullest', () => {
    const bank = Array.from({ length: 11 }, (_, i) =>
      input(`bank${i}`, 'The World Bank lent money.', [['World Bank', 'organization']]),
    );
    const runOn = input(
      'toronto',
      'The Toronto World Bank office said so. The World Bank agreed.',
      [
        ['Toronto World Bank', 'organization'],
        ['World Bank', 'organization'],
      ],
    );
    const banks = resolve([...bank, runOn]).filter((e) => e.name.includes('World Bank'));
    expect(banks).toHaveLength(1);
    expect(banks[0]).toMatchObject({ name: 'World Bank', aliases: ['Toronto World Bank'] });
    const person = Array.from({ length: 11 }, (_, i) =>
      input(`p${i}`, 'Quillfeather spoke.', [['Quillfeather', 'person']]),
    );
    const full = input('full', 'Ada Quillfeather spoke. Quillfeather left.', [
      ['Ada Quillfeather', 'person'],
      ['Quillfeather', 'person'],
    ]);
    expect(resolve([...person, full]).map((e) => e.name)).toEqual(['Ada Quillfeather']);
  });

  it('makes no entity of a company suffix left on its own', () => {
    const a = input('a', 'Blorp Co Inc grew. Co Inc shares rose; Ltd said so.', [
      ['Blorp Co Inc', 'organization'],
      ['Co Inc', 'organization'],
      ['Ltd', 'organization'],
    ]);
    expect(resolve([a]).map((e) => e.name)).toEqual(['Blorp Co Inc']);
  });

  it('takes a name for a surname against its type only where the person is as well known', () => {
    const city = Array.from({ length: 6 }, (_, i) =>
      input(`city${i}`, 'Prices rose in Blorpton.', [['Blorpton', 'place']]),
    );
    const producer = input('producer', 'Said producer Ada Blorpton.', [['Ada Blorpton', 'person']]);
    const entities = resolve([...city, producer]);
    expect(entities.map((e) => `${e.type}:${e.name}`).sort()).toEqual([
      'person:Ada Blorpton',
      'place:Blorpton',
    ]);
    // One article's mistyped surname still joins the person, and so does a surname the
    // tagger calls a person however often it is used alone.
    const once = input('once', 'Blorpton agreed.', [['Blorpton', 'place']]);
    expect(resolve([once, producer]).map((e) => e.name)).toEqual(['Ada Blorpton']);
    const surname = Array.from({ length: 6 }, (_, i) =>
      input(`s${i}`, 'Blorpton agreed.', [['Blorpton', 'person']]),
    );
    expect(resolve([...surname, producer]).map((e) => e.name)).toEqual(['Ada Blorpton']);
  });

  it('completes a name the articles nearly always give after the same word, and drops what it covers', () => {
    const said = Array.from({ length: 10 }, (_, i) =>
      input(`z${i}`, 'Shares of Zorbic Express rose.', [['Express', 'organization']]),
    );
    const short = input('short', 'Express said so.', [['Express', 'organization']]);
    const joined = Array.from({ length: 5 }, (_, i) =>
      input(`q${i}`, 'Blorp and Quux Corp rated it.', [
        ['Quux Corp', 'organization'],
        ['Blorp', 'organization'],
      ]),
    );
    const entities = resolve([...said, short, ...joined]);
    expect(entities.map((e) => `${e.name} ${e.mentions.length}`).sort()).toEqual([
      'Blorp and Quux Corp 5',
      'Zorbic Express 11',
    ]);
    const express = entities.find((e) => e.name === 'Zorbic Express')!;
    expect(express.mentions[0]).toMatchObject({ start: 10, end: 24, text: 'Zorbic Express' });
    expect(express.aliases).toEqual(['Express']);
    // Fewer than nine in ten with the word, or a person: as they are.
    const some = Array.from({ length: 8 }, (_, i) =>
      input(`s${i}`, i < 7 ? 'Shares of Zorbic Express rose.' : 'Express said so.', [
        ['Express', 'organization'],
      ]),
    );
    expect(resolve(some).map((e) => e.name)).toEqual(['Express']);
    const people = Array.from({ length: 6 }, (_, i) =>
      input(`p${i}`, 'Ask Zorbic Quill.', [['Quill', 'person']]),
    );
    expect(resolve(people).map((e) => e.name)).toEqual(['Quill']);
  });

  it("completes a name with the possessive or 'and' name the articles always give after it, not after a company suffix", () => {
    const rated = Array.from({ length: 5 }, (_, i) =>
      input(`m${i}`, "Moobly's cut the rating; Blorp & Quux agreed.", [
        ["Moobly's", 'organization'],
        ['Blorp', 'organization'],
      ]),
    );
    expect(
      resolve(rated)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Blorp & Quux', "Moobly's"]);
    const owned = Array.from({ length: 5 }, (_, i) =>
      input(`c${i}`, "Zorb Ltd's unit grew.", [['Zorb Ltd', 'organization']]),
    );
    expect(resolve(owned).map((e) => e.name)).toEqual(['Zorb Ltd']);
  });

  it('joins an alias introduced in the text to its entity', () => {
    const a = input('a', 'Clara Sorrenti, known online as Keffals, spoke. Keffals said more.', [
      ['Clara Sorrenti', 'person'],
      ['Keffals', 'person'],
    ]);
    const entities = resolve([a]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Clara Sorrenti', aliases: ['Keffals'] });
  });

  it('gives two entities with the same name and type distinct ids', () => {
    const a = input('a', 'Ana Lee and Ana-Lee met.', [['Ana Lee', 'person']]);
    const entities = resolve([a]);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });
});

describe('name keys', () => {
  it('drops titles, "the" and possessives, and squashes spacing and plurals', () => {
    expect(cleanName('Rep. Marjorie Taylor Greene')).toBe('Marjorie Taylor Greene');
    expect(cleanName('the Anti-Defamation League’s')).toBe('Anti-Defamation League');
    expect(squashedKey('Kiwi Farms')).toBe(squashedKey('Kiwifarm'));
    expect(squashedKey('Kiwi Farms')).not.toBe(squashedKey('Kiwi Forms'));
  });
});

describe('introduced aliases', () => {
  it('give a nickname to the nearest person before the cue, not to a site in between', () => {
    const a = input(
      'a',
      'Clara Sorrenti, a Canadian Twitch streamer known online as Keffals, spoke. Keffals said more.',
      [
        ['Clara Sorrenti', 'person'],
        ['Twitch', 'site', 'gazetteer'],
        ['Keffals', 'organization'],
      ],
    );
    const entities = resolve([a]);
    expect(entities.find((e) => e.name === 'Clara Sorrenti')).toMatchObject({
      type: 'person',
      aliases: ['Keffals'],
    });
    expect(entities.find((e) => e.name === 'Twitch')!.aliases).toEqual([]);
  });

  it('give an acronym in parentheses to the name right before it', () => {
    const a = input('a', 'The Anti-Defamation League (ADL) objected. The ADL said so.', [
      ['Anti-Defamation League', 'organization'],
      ['ADL', 'organization'],
    ]);
    const entities = resolve([a]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Anti-Defamation League', aliases: ['ADL'] });
  });
});

describe('aliases no recognizer tagged', () => {
  it('become mentions of the person who introduced them, wherever they stand in the article', () => {
    const a = input(
      'a',
      'Clara Sorrenti, who goes by the online name Keffals, spoke.\n\nLater Keffals posted again.',
      [['Clara Sorrenti', 'person']],
    );
    const [entity] = resolve([a]);
    expect(entity).toMatchObject({ name: 'Clara Sorrenti', aliases: ['Keffals'] });
    expect(entity!.mentions.map((m) => `${m.paragraph}:${m.text}`)).toEqual([
      'p1:Clara Sorrenti',
      'p1:Keffals',
      'p2:Keffals',
    ]);
  });
});

describe('isAcronymOf', () => {
  it('accepts initials of the name and rejects other brackets', () => {
    expect(isAcronymOf('ADL', 'Anti-Defamation League')).toBe(true);
    expect(isAcronymOf('FBI', 'Federal Bureau of Investigation')).toBe(true);
    expect(isAcronymOf('U.S.', 'Michael Johnson')).toBe(false);
    expect(isAcronymOf('R-Ga', 'Marjorie Taylor Greene')).toBe(false);
  });
});

describe('short names across articles', () => {
  it('joins a surname, a team name and a suffixed name to the one full name they end', () => {
    const a = input(
      'a',
      'Barack Obama spoke. Joseph Comeaux Jr escaped. The Indianapolis Colts won.',
      [
        ['Barack Obama', 'person'],
        ['Joseph Comeaux Jr', 'person'],
        ['Indianapolis Colts', 'organization'],
      ],
    );
    const b = input('b', 'Obama said so. Joseph Comeaux fled. The Colts lost.', [
      ['Obama', 'person'],
      ['Joseph Comeaux', 'person'],
      ['Colts', 'organization'],
    ]);
    const names = resolve([a, b]).map((e) => `${e.name}:${e.mentions.length}`);
    expect(names.sort()).toEqual(['Barack Obama:2', 'Indianapolis Colts:2', 'Joseph Comeaux Jr:2']);
  });

  it('leaves a surname shared by two full names on its own', () => {
    const a = input('a', 'George Bush and Jeb Bush met.', [
      ['George Bush', 'person'],
      ['Jeb Bush', 'person'],
    ]);
    const b = input('b', 'Bush spoke.', [['Bush', 'person']]);
    expect(
      resolve([a, b])
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Bush', 'George Bush', 'Jeb Bush']);
  });

  it('gives a first word back to the organization other articles name by it', () => {
    const a = input('a', 'Microsoft Security Response Center warned. Microsoft patched.', [
      ['Microsoft Security Response Center', 'organization'],
      ['Microsoft', 'organization'],
    ]);
    const b = input('b', 'Microsoft said so.', [['Microsoft', 'organization']]);
    const c = input('c', 'Microsoft agreed.', [['Microsoft', 'organization']]);
    const byName = new Map(resolve([a, b, c]).map((e) => [e.name, e.mentions.length]));
    expect(byName.get('Microsoft')).toBe(3);
    expect(byName.get('Microsoft Security Response Center')).toBe(1);
  });

  it('joins names with and without middle names, initials or a nickname, unless middles disagree', () => {
    const a = input('a', 'Mark Jay Heller argued. Dirk A. Kempthorne ruled. Fred LaRue died.', [
      ['Mark Jay Heller', 'person'],
      ['Dirk A. Kempthorne', 'person'],
      ['Fred LaRue', 'person'],
    ]);
    const b = input(
      'b',
      'Mark Heller argued. Dirk Kempthorne ruled. Frederick Cheney LaRue died.',
      [
        ['Mark Heller', 'person'],
        ['Dirk Kempthorne', 'person'],
        ['Frederick Cheney LaRue', 'person'],
      ],
    );
    const c = input('c', 'John A. Smith and John B. Smith met. John Smith left.', [
      ['John A. Smith', 'person'],
      ['John B. Smith', 'person'],
      ['John Smith', 'person'],
    ]);
    const names = resolve([a, b, c]).map((e) => `${e.name}:${e.mentions.length}`);
    expect(names.sort()).toEqual([
      'Dirk A. Kempthorne:2',
      'Frederick Cheney LaRue:2',
      'John A. Smith:1',
      'John B. Smith:1',
      'John Smith:1',
      'Mark Jay Heller:2',
    ]);
  });

  it('joins an acronym, a corporate suffix and a team name to the one organization they name', () => {
    const a = input(
      'a',
      'The Associated Press reported. Microsoft Corp. patched. The Boston Red Sox won.',
      [
        ['Associated Press', 'organization'],
        ['Microsoft Corp.', 'organization'],
        ['Boston Red Sox', 'organization'],
      ],
    );
    const b = input('b', 'AP reported. Microsoft agreed. The Red Sox lost.', [
      ['AP', 'organization'],
      ['Microsoft', 'organization'],
      ['Red Sox', 'organization'],
    ]);
    const c = input('c', 'The University of New York opened. New York voted.', [
      ['University of New York', 'organization'],
      ['New York', 'organization'],
    ]);
    const names = resolve([a, b, c]).map((e) => `${e.name}:${e.mentions.length}`);
    expect(names.sort()).toEqual([
      'Associated Press:2',
      'Boston Red Sox:2',
      'Microsoft Corp.:2',
      'New York:1',
      'University of New York:1',
    ]);
  });

  it('cuts a mention in a title-case headline down to the names the article uses', () => {
    const a = input(
      'a',
      'Tara Reid Finally Checks Into Rehab\n\nRed Sox Make Offer To Teixeira\n\nThe actress Tara Reid said the Red Sox want Mark Teixeira.',
      [
        ['Tara Reid Finally Checks Into Rehab', 'organization'],
        ['Red Sox Make Offer To Teixeira', 'person'],
        ['Tara Reid', 'person'],
        ['Red Sox', 'organization'],
        ['Mark Teixeira', 'person'],
      ],
    );
    const entities = resolve([a]);
    expect(entities.map((e) => `${e.type}:${e.name}:${e.mentions.length}`).sort()).toEqual([
      'organization:Red Sox:2',
      'person:Mark Teixeira:2',
      'person:Tara Reid:2',
    ]);
    const reid = entities.find((e) => e.name === 'Tara Reid')!;
    expect(reid.mentions.map((m) => m.text)).toEqual(['Tara Reid', 'Tara Reid']);
  });
});
