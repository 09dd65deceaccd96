/**
 * Issue 25, point 5: a type's index in two orders, each a static page (A–Z, and most
 * mentioned first), and under each letter the entities named only once listed apart,
 * last; every entity still listed (and in search).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('siteDir');
const kb = JSON.parse(readFileSync(join(dist, 'data/kb.json'), 'utf8')) as {
  entities: Array<{ type: string; name: string; path: string; mentions: unknown[] }>;
};
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const listed = (html: string) =>
  [...html.matchAll(/<li><a href="([^"]+)">/g)]
    .map((m) => m[1]!)
    .filter((h) => /^\/people\/[^/]+\/$/.test(h));

describe('the people index', () => {
  const people = kb.entities.filter((e) => e.type === 'person');
  const mentions = new Map(people.map((e) => [e.path, e.mentions.length]));

  it('lists everyone A–Z, those named once after the others under their letter', () => {
    const html = page('people');
    expect(new Set(listed(html))).toEqual(new Set(people.map((e) => e.path)));
    for (const section of html.split('<section').slice(1)) {
      const order = listed(section).map((path) => mentions.get(path)! > 1);
      // Once a name is named once, all after it under that letter are too.
      expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)));
    }
    expect(html).toContain('href="/by-mentions/people/"');
  });

  it('has a page most mentioned first, of those named more than once', () => {
    const html = page('by-mentions/people');
    const ranked = listed(html);
    expect(new Set(ranked)).toEqual(
      new Set(people.filter((e) => e.mentions.length > 1).map((e) => e.path)),
    );
    expect(ranked.length).toBe(people.filter((e) => e.mentions.length > 1).length);
    const counts = ranked.map((p) => mentions.get(p)!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(html).toContain('aria-current="page">Most mentioned');
  });
});
