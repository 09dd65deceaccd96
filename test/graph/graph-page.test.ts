/**
 * The network page and the entity graph in Chromium with JavaScript off: the map is
 * there, its nodes link to entity pages, and the type checkboxes hide a type (CSS only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from '../browser/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const session = useBrowserPage({ javaScriptEnabled: false });

const visible = (selector: string) =>
  session.page.$$eval(
    selector,
    (els) => els.filter((e) => e.getBoundingClientRect().width > 0).length,
  );

describe('/graph/', () => {
  it('draws every entity as a link, with a title, a description and a text list', async () => {
    await session.page.goto(`${siteUrl}graph/`);
    const kb = JSON.parse(readFileSync(join(siteDir, 'data/kb.json'), 'utf8')) as {
      entities: Array<{ path: string }>;
    };
    const links = await session.page.$$eval('svg.network a.node', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(links.sort()).toEqual(kb.entities.map((e) => e.path).sort());
    expect(await session.page.textContent('svg.network title#net-title')).toMatch(/Network/);
    expect(await session.page.locator('svg.network desc').count()).toBe(1);
    const listed = await session.page.$$eval('.network-list li > a:first-child', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(listed.sort()).toEqual(links);
  });

  it('hides a type when its box is unticked, without JavaScript', async () => {
    await session.page.goto(`${siteUrl}graph/`);
    const people = await visible('svg.network a.node.t-person');
    const all = await visible('svg.network a.node');
    expect(people).toBeGreaterThan(0);
    await session.page.click('#show-person');
    expect(await visible('svg.network a.node.t-person')).toBe(0);
    expect(await visible('svg.network a.node')).toBe(all - people);
    expect(await visible('svg.network line.e-person')).toBe(0);
    expect(await visible('.network-list section.t-person')).toBe(0);
    await session.page.click('#show-person');
    expect(await visible('svg.network a.node')).toBe(all);
  });
});

describe('entity graph', () => {
  it('shows the strongest relations as links, matching the Related list', async () => {
    await session.page.goto(`${siteUrl}people/matthew-prince/`);
    const nodes = await session.page.$$eval('.ego-graph a.node', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    const listed = await session.page.$$eval('.related li > a', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(nodes.length).toBeGreaterThan(2);
    expect(nodes.length).toBeLessThanOrEqual(8);
    for (const href of nodes) expect(listed).toContain(href);
    expect(await session.page.textContent('.ego-graph title#ego-title')).toBe(
      'Strongest relations of Matthew Prince',
    );
    expect(await session.page.textContent('.ego-graph desc')).toContain('Cloudflare');
  });
});
