/**
 * The network page and the entity graph in Chromium with JavaScript off: the map is
 * there, its nodes link to entity pages, and the type checkboxes hide a type (CSS only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ javaScriptEnabled: false });
});
afterAll(async () => browser?.close());

const visible = (selector: string) =>
  page.$$eval(selector, (els) => els.filter((e) => e.getBoundingClientRect().width > 0).length);

describe('/graph/', () => {
  it('draws every entity as a link, with a title, a description and a text list', async () => {
    await page.goto(`${siteUrl}graph/`);
    const kb = JSON.parse(readFileSync(join(siteDir, 'data/kb.json'), 'utf8')) as {
      entities: Array<{ path: string }>;
    };
    const links = await page.$$eval('svg.network a.node', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(links.sort()).toEqual(kb.entities.map((e) => e.path).sort());
    expect(await page.textContent('svg.network title#net-title')).toMatch(/Network/);
    expect(await page.locator('svg.network desc').count()).toBe(1);
    const listed = await page.$$eval('.network-list li > a:first-child', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(listed.sort()).toEqual(links);
  });

  it('hides a type when its box is unticked, without JavaScript', async () => {
    await page.goto(`${siteUrl}graph/`);
    const people = await visible('svg.network a.node.t-person');
    const all = await visible('svg.network a.node');
    expect(people).toBeGreaterThan(0);
    await page.click('#show-person');
    expect(await visible('svg.network a.node.t-person')).toBe(0);
    expect(await visible('svg.network a.node')).toBe(all - people);
    expect(await visible('svg.network line.e-person')).toBe(0);
    expect(await visible('.network-list section.t-person')).toBe(0);
    await page.click('#show-person');
    expect(await visible('svg.network a.node')).toBe(all);
  });
});

describe('entity graph', () => {
  it('shows the strongest relations as links, matching the Related list', async () => {
    await page.goto(`${siteUrl}people/matthew-prince/`);
    const nodes = await page.$$eval('.ego-graph a.node', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    const listed = await page.$$eval('.related li > a', (els) =>
      els.map((a) => a.getAttribute('href')),
    );
    expect(nodes.length).toBeGreaterThan(2);
    expect(nodes.length).toBeLessThanOrEqual(8);
    for (const href of nodes) expect(listed).toContain(href);
    expect(await page.textContent('.ego-graph title#ego-title')).toBe(
      'Strongest relations of Matthew Prince',
    );
    expect(await page.textContent('.ego-graph desc')).toContain('Cloudflare');
  });
});
