/** The real build of the seed story: stories, roles and summaries in kb.json and on pages. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, inject, it } from 'vitest';
import { KnowledgeBaseSchema } from '../../scripts/core/schema.ts';

const dist = inject('siteDir');
const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'data/kb.json'), 'utf8')));
const entity = (id: string) => kb.entities.find((e) => e.id === id)!;
const page = (path: string) =>
  new JSDOM(readFileSync(join(dist, path, 'index.html'), 'utf8')).window.document;

describe('stories', () => {
  it('groups the two seed articles into one story with two versions', () => {
    expect(kb.stories).toHaveLength(1);
    const story = kb.stories![0]!;
    expect(story.articles).toHaveLength(2);
    expect(story.articles.sort()).toEqual(kb.articles.map((a) => a.id).sort());
    for (const a of kb.articles) expect(a.story).toBe(story.id);
    expect(story.entities.map((e) => e.id)).toContain('person/matthew-prince');
    expect(existsSync(join(dist, story.path, 'index.html'))).toBe(true);
  });

  it('lists the versions on the story page and the story on the stories index', () => {
    const story = kb.stories![0]!;
    const doc = page(story.path);
    expect(doc.querySelectorAll('.story-versions > li')).toHaveLength(2);
    expect(doc.querySelector('.story-entities a[href="/people/matthew-prince/"]')).not.toBeNull();
    expect(page('stories').querySelector(`.story-list a[href="${story.path}"]`)).not.toBeNull();
    // A story page is citable too, as an entry in the site.
    expect(doc.querySelector('.cite-box h2')!.textContent).toBe('Cite this story');
    expect(doc.querySelector('#cite-apa')!.textContent).toContain(story.title);
  });

  it('counts a story once on an entity page and shows the other wording behind <details>', () => {
    const doc = page('people/clara-sorrenti');
    expect(doc.querySelector('.entity-head .coverage')!.textContent).toMatch(/in 1 story/);
    const other = [...doc.querySelectorAll('details.other-version')].map((d) => d.textContent);
    expect(other.some((text) => /swatting/.test(text!))).toBe(true);
  });
});

describe('roles and summaries', () => {
  it('gives Matthew Prince the role CEO of Cloudflare, with evidence', () => {
    const roles = entity('person/matthew-prince').roles!;
    const ceo = roles.filter((r) => r.role === 'CEO' && r.of === 'organization/cloudflare');
    expect(ceo.length).toBeGreaterThanOrEqual(2);
    for (const r of ceo) {
      expect(r.text).toMatch(/Prince/);
      expect(r.paragraph).toMatch(/^p\d+$/);
    }
    const box = page('people/matthew-prince').querySelector('.fact-box li')!;
    expect(box.textContent).toMatch(/CEO\s+of\s+Cloudflare/);
    expect(box.querySelector('a.fact-source')!.getAttribute('href')).toMatch(/#p\d+$/);
  });

  it('summarizes an entity with a sentence from the sources and its citation', () => {
    const summary = entity('person/matthew-prince').summary!;
    expect(summary.text).toMatch(/CEO of Cloudflare|Cloudflare CEO/);
    const article = kb.articles.find((a) => a.id === summary.article)!;
    expect(summary.paragraph).toMatch(/^p\d+$/);
    const link = page('people/matthew-prince').querySelector('.source-summary a.para-link')!;
    expect(link.getAttribute('href')).toBe(`${article.path}#${summary.paragraph}`);
  });

  it('types a related entity by role where the text says how', () => {
    const moon = entity('person/josh-moon');
    expect(moon.roles!.map((r) => [r.role, r.of])).toContainEqual(['founder', 'site/kiwi-farms']);
    const related = moon.related.find((r) => r.id === 'site/kiwi-farms');
    if (related) expect(related.relation).toBe('founder of');
  });
});
