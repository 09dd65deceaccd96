import { gonePageHtml, redirectHtml } from '../../scripts/permanence/pages.ts';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishPermanence, publishLedger, writeRedirects } from '../../scripts/astro/permanence.ts';
import {
  PERMANENCE_INPUT,
  permanenceInput,
  planPermanence,
} from '../../scripts/permanence/plan.ts';
import type { KnowledgeBase } from '../../scripts/core/schema.ts';

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

  it('sends a published URL whose name several entities now share to their disambiguation page', () => {
    const site = kb([entity('person/jordan', 'Jordan'), entity('person/jordan-2', 'Jordan')]);
    site.entities[1]!.version = 'abcdef0';
    site.disambiguation = [
      { name: 'Jordan', path: '/kb/disambiguation/jordan/', entities: ['person/jordan'] },
    ];
    const ledger = {
      schema: 1 as const,
      urls: {
        'people/jordan-3/': { id: 'person/jordan-3', name: 'Jordan', type: 'person', articles: [] },
      },
    };
    const { pages, ledger: next } = planPermanence(site, ledger);
    expect(pages).toContainEqual({
      kind: 'redirect',
      path: 'people/jordan-3/',
      name: 'Jordan',
      target: '/kb/disambiguation/jordan/',
      targetName: 'Jordan (disambiguation)',
    });
    // The current version's permanent link leads to the page, and the ledger lists it.
    expect(pages).toContainEqual(
      expect.objectContaining({
        path: 'people/jordan-2/v/abcdef0/',
        target: '/kb/people/jordan-2/',
      }),
    );
    expect(next.urls['people/jordan-2/']!.versions).toEqual(['abcdef0']);
  });
});

describe('redirect pages written while the site renders', () => {
  it('keep the page Astro renders at one of their paths, and the gone pages follow the render', async () => {
    const work = mkdtempSync(join(tmpdir(), 'dossier-permanence-'));
    const ledgerFile = join(work, 'published.json');
    const saved = process.env.KB_LEDGER;
    process.env.KB_LEDGER = ledgerFile;
    try {
      writeFileSync(
        ledgerFile,
        JSON.stringify({
          schema: 1,
          urls: {
            'people/nobody/': {
              id: 'person/nobody',
              name: 'Nobody Here',
              type: 'person',
              articles: [{ id: 'a1', title: 'A one' }],
            },
          },
        }),
      );
      const data = join(work, 'data');
      const root = join(work, 'site');
      mkdirSync(data);
      const site = kb([entity('person/clara-sorrenti', 'Clara Sorrenti', ['Keffals', 'Clara S'])]);
      writeFileSync(join(data, PERMANENCE_INPUT), JSON.stringify(permanenceInput(site)));
      const early = await writeRedirects(root, data);
      expect([...early.written.redirects].sort()).toEqual(['people/clara-s/', 'people/keffals/']);
      // Astro renders a page at one of those paths after all: the page is what stays.
      const page = '<!doctype html><title>Keffals</title>';
      writeFileSync(join(root, 'people/keffals/index.html'), page);
      mkdirSync(join(root, 'people/clara-sorrenti'), { recursive: true });
      writeFileSync(join(root, '404.html'), '<html><title>x</title><main>missing</main></html>');
      const rendered = new Map([['people/keffals/index.html', 'its hash']]);
      const pages = await finishPermanence(root, early, rendered);
      expect([...pages.redirects]).toEqual(['people/clara-s/']);
      expect([...pages.hashes.keys()].sort()).toEqual([
        'people/clara-s/index.html',
        'people/nobody/index.html',
      ]);
      expect(readFileSync(join(root, 'people/keffals/index.html'), 'utf8')).toBe(page);
      expect(readFileSync(join(root, 'people/nobody/index.html'), 'utf8')).toContain(
        '<a href="/kb/articles/a1/">A one</a>',
      );
      // The ledger is written only when the build publishes the site (`publishLedger`).
      expect(JSON.parse(readFileSync(ledgerFile, 'utf8')).urls).not.toHaveProperty(
        'people/clara-sorrenti/',
      );
      publishLedger(pages.ledger);
      const ledger = JSON.parse(readFileSync(ledgerFile, 'utf8'));
      expect(Object.keys(ledger.urls)).toContain('people/clara-sorrenti/');
    } finally {
      if (saved === undefined) delete process.env.KB_LEDGER;
      else process.env.KB_LEDGER = saved;
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('pages that keep URLs alive', () => {
  it('keep a name with replacement patterns as text, and carry the security policy', () => {
    const frame =
      '<!doctype html><html><head><title>x</title><meta name="description" content="x"></head><body><main>missing</main><footer>end</footer></body></html>';
    const html = gonePageHtml(
      {
        kind: 'gone',
        path: 'people/x/',
        entry: { id: 'person/x', name: "A $' B $& C $1", type: 'person', articles: [] },
      },
      frame,
      () => undefined,
    );
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain("<h1>A $' B $&amp; C $1</h1>");
    expect(html.match(/<footer>/g)).toHaveLength(1);
    const redirect = redirectHtml({
      kind: 'redirect',
      path: 'people/y/',
      name: "Y $'",
      target: '/people/z/',
      targetName: 'Z',
    });
    expect(redirect).toContain('http-equiv="Content-Security-Policy"');
  });
});
