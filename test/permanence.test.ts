import { describe, expect, it } from 'vitest';
import { planPermanence } from '../scripts/permanence/plan.ts';
import type { KnowledgeBase } from '../scripts/schema.ts';

const entity = (id: string, name: string, aliases: string[] = []) => ({
  id,
  type: id.split('/')[0] as 'person',
  name,
  path: `/kb/people/${id.split('/')[1]}/`,
  aliases,
  sameAs: [],
  curated: false,
  mentions: [
    {
      article: 'a1',
      paragraph: 'p1',
      text: name,
      start: 0,
      end: name.length,
      context: { text: name, start: 0, end: name.length },
    },
  ],
  quotes: [],
  related: [],
});
const kb = (entities: ReturnType<typeof entity>[]): KnowledgeBase => ({
  schema: 1,
  site: { title: 'T', base: '/kb/' },
  articles: [
    {
      id: 'a1',
      title: 'A one',
      authors: [],
      language: 'en',
      path: '/kb/articles/a1/',
      file: 'a1.md',
      paragraphs: 1,
    },
  ],
  entities,
});

describe('planPermanence', () => {
  it('redirects aliases, follows a renamed entity by name, and keeps a page for one that is gone', () => {
    const ledger = {
      schema: 1 as const,
      urls: {
        'people/clara/': {
          id: 'person/clara',
          name: 'Clara Sorrenti',
          type: 'person',
          articles: [],
        },
        'people/nobody/': {
          id: 'person/nobody',
          name: 'Nobody Here',
          type: 'person',
          articles: [{ id: 'a0', title: 'Old' }],
        },
      },
    };
    const { pages, ledger: next } = planPermanence(
      kb([entity('person/clara-sorrenti', 'Clara Sorrenti', ['Keffals'])]),
      ledger,
    );
    expect(pages).toEqual([
      {
        kind: 'redirect',
        path: 'people/clara/',
        name: 'Clara Sorrenti',
        target: '/kb/people/clara-sorrenti/',
        targetName: 'Clara Sorrenti',
      },
      {
        kind: 'redirect',
        path: 'people/keffals/',
        name: 'Keffals',
        target: '/kb/people/clara-sorrenti/',
        targetName: 'Clara Sorrenti',
      },
      { kind: 'gone', path: 'people/nobody/', entry: ledger.urls['people/nobody/'] },
    ]);
    expect(Object.keys(next.urls)).toEqual(
      expect.arrayContaining([
        'people/clara/',
        'people/clara-sorrenti/',
        'people/keffals/',
        'people/nobody/',
      ]),
    );
    expect(next.urls['people/clara-sorrenti/']!.articles).toEqual([{ id: 'a1', title: 'A one' }]);
  });
});
