/** Slugs: namesakes get distinct URLs, and a published URL keeps its entity. */
import { describe, expect, it } from 'vitest';
import { assignSlugs } from '../../scripts/resolve/slugs.ts';
import type { Entity } from '../../scripts/core/types.ts';
import type { EntityType } from '../../scripts/core/schema.ts';
import type { ArticleId, EntityId } from '../../scripts/core/ids.ts';

/** An entity named `name` with one mention in each of `articles`. */
const entity = (name: string, type: EntityType, articles: string[]): Entity => ({
  id: '' as EntityId,
  type,
  slug: '',
  name,
  aliases: [],
  mentions: articles.map((article) => ({
    article: article as ArticleId,
    paragraph: 'p1',
    start: 0,
    end: name.length,
    text: name,
    type,
    score: 0.9,
    source: 'tagger',
  })),
});

describe('assignSlugs', () => {
  it('gives namesakes of one type distinct slugs, the most mentioned the plain one', () => {
    const [a, b] = [entity('Jordan', 'person', ['a1']), entity('Jordan', 'person', ['b1', 'b2'])];
    assignSlugs([a!, b!]);
    expect([a!.id, b!.id]).toEqual(['person/jordan-2', 'person/jordan']);
  });

  it('keeps a published slug with its entity when a namesake overtakes it', () => {
    const [a, b] = [entity('Jordan', 'person', ['a1']), entity('Jordan', 'person', ['b1', 'b2'])];
    assignSlugs([a!, b!], [{ id: 'person/jordan', name: 'Jordan', articles: ['a1', 'a0'] }]);
    expect([a!.id, b!.id]).toEqual(['person/jordan', 'person/jordan-2']);
  });

  it('reserves a published slug whose entity is gone, so no namesake takes it', () => {
    const [a, b] = [entity('Jordan', 'person', ['a1']), entity('Jordan', 'person', ['b1', 'b2'])];
    assignSlugs(
      [a!, b!],
      [
        { id: 'person/jordan', name: 'Jordan', articles: ['x1'] },
        { id: 'person/jordan-2', name: 'Jordan', articles: ['a1'] },
      ],
    );
    expect([a!.id, b!.id]).toEqual(['person/jordan-2', 'person/jordan-3']);
  });

  it('needs no ledger when a name has one entity per type', () => {
    const [a, b] = [entity('Jordan', 'person', ['a1']), entity('Jordan', 'place', ['b1'])];
    assignSlugs([a!, b!], [{ id: 'person/jordan', name: 'Jordan', articles: ['zz'] }]);
    expect([a!.id, b!.id]).toEqual(['person/jordan', 'place/jordan']);
  });
});
