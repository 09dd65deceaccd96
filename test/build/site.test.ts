/** The real build of the default content (the seed story): dist/ layout and kb.json. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { KnowledgeBaseSchema } from '../../scripts/core/schema.ts';
import { buildManifest } from '../../scripts/astro/service-worker.ts';

const dist = inject('siteDir');
const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'data/kb.json'), 'utf8')));
const entity = (id: string) => kb.entities.find((e) => e.id === id);

describe('built site', () => {
  it('has the home, search, 404, type indexes and article pages', () => {
    for (const page of [
      'index.html',
      'search/index.html',
      '404.html',
      'articles/index.html',
      'people/index.html',
      'organizations/index.html',
      'sites/index.html',
      'campaigns/index.html',
      'places/index.html',
      'events/index.html',
    ]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    for (const article of kb.articles)
      expect(existsSync(join(dist, article.path, 'index.html')), article.path).toBe(true);
  });

  it('writes a page for every entity in kb.json, at its path', () => {
    for (const e of kb.entities)
      expect(existsSync(join(dist, e.path, 'index.html')), e.path).toBe(true);
  });

  it("versions its service worker by every file's bytes as they are on disk", () => {
    // The build takes the pages' hashes from the render processes and the redirect
    // pages' from their text, not from the files: hashing every file read back agrees.
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(/"([0-9a-f]{16})"/.exec(worker)?.[1]).toBe(buildManifest(dist, '/').version);
  });

  it('writes a Pagefind index', () => {
    expect(readdirSync(join(dist, 'pagefind'))).toEqual(
      expect.arrayContaining(['pagefind-ui.js', 'pagefind-entry.json']),
    );
  });
});

describe('kb.json', () => {
  it('holds both seed articles with their metadata', () => {
    expect(kb.schema).toBe(1);
    expect(kb.articles).toHaveLength(2);
    for (const a of kb.articles)
      expect(a).toMatchObject({ publisher: 'The Washington Post', date: '2022-09-03' });
  });

  it('resolves the people, organizations, sites and campaign of the seed story', () => {
    expect(entity('person/matthew-prince')).toMatchObject({
      name: 'Matthew Prince',
      type: 'person',
      path: '/people/matthew-prince/',
    });
    expect(entity('person/matthew-prince')!.aliases).toContain('Prince');
    expect(entity('site/kiwi-farms')).toMatchObject({ type: 'site' });
    expect(entity('campaign/dropkiwifarms')).toMatchObject({ name: '#DropKiwiFarms' });
    expect(entity('organization/anti-defamation-league')).toBeDefined();
  });

  it('points every mention at a paragraph that exists, with its text there', () => {
    const html = new Map(
      kb.articles.map((a) => [a.id, readFileSync(join(dist, a.path, 'index.html'), 'utf8')]),
    );
    for (const e of kb.entities) {
      for (const m of e.mentions) {
        expect(html.get(m.article), `${e.id} → ${m.article}#${m.paragraph}`).toContain(
          `id="${m.paragraph}"`,
        );
        expect(m.context.text.slice(m.context.start, m.context.end)).toBe(m.text);
      }
    }
  });

  it('relates entities with weights in [0, 1] to entities that exist', () => {
    const ids = new Set(kb.entities.map((e) => e.id));
    const related = entity('person/matthew-prince')!.related;
    expect(related.length).toBeGreaterThan(0);
    for (const r of related) expect(ids.has(r.id)).toBe(true);
  });
});

describe('article page', () => {
  it('links mentions to entity pages and anchors every paragraph', () => {
    const a = kb.articles[0]!;
    const html = readFileSync(join(dist, a.path, 'index.html'), 'utf8');
    expect(html).toMatch(/<p id="p1">/);
    expect(html).toContain('href="/people/matthew-prince/" class="mention"');
  });
});
