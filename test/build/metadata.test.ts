/**
 * A built entity page as reference managers read it. Builds the seed articles plus a
 * curated entity with a hostile name, with KB_SITE set (citations need absolute URLs),
 * then maps the head the way Zotero's Embedded Metadata translator does.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
const { Cite } = require('@citation-js/core') as {
  Cite: new (input: string) => { data: Array<Record<string, unknown>> };
};

const SITE = 'https://kb.example.org';
const HOSTILE = 'Mallory </script><script>window.__pwned=1</script>';
let work = '';
let dist = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-meta-'));
  const content = join(work, 'content');
  cpSync('content/articles', join(content, 'articles'), { recursive: true });
  mkdirSync(join(content, 'entities/person'), { recursive: true });
  writeFileSync(
    join(content, 'entities/person/mallory.md'),
    `---\nname: '${HOSTILE}'\naliases: ['<b>M</b>']\nsameAs: ['https://www.wikidata.org/wiki/Q1']\n---\n\nA hostile name.\n`,
  );
  dist = join(work, 'dist');
  execFileSync(process.execPath, ['scripts/kb.ts', 'build', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_SITE: SITE,
      KB_CONTENT: content,
      KB_OUT: dist,
      KB_DATA: join(work, 'data'),
      KB_ASTRO_CACHE: join(work, 'astro-cache'),
      SOURCE_DATE_EPOCH: '1700000000',
    },
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) =>
  new JSDOM(readFileSync(join(dist, path, 'index.html'), 'utf8')).window.document;

/**
 * Zotero's Embedded Metadata rules (translators/Embedded Metadata.js, RDF.js): `DC.`,
 * `dcterms.` and `og:` tags become RDF statements; `DC.type` sets the item type when it
 * names a Zotero type, else a `citation_title` makes a guessed journalArticle, else
 * webpage. Title: `DC.title`, overridden by `citation_title`; date: `DC.date`, overridden
 * by `citation_date`/`citation_publication_date`; publication: `DC.source`; publisher:
 * `DC.publisher`; URL: `citation_public_url`, else the page's address.
 */
function zoteroItem(doc: Document, location: string): Record<string, string | undefined> {
  const meta = (key: string) =>
    [...doc.head.querySelectorAll('meta')].find(
      (m) => (m.getAttribute('name') ?? m.getAttribute('property'))?.toLowerCase() === key,
    )?.content;
  const itemTypes = ['encyclopediaArticle', 'newspaperArticle', 'journalArticle', 'webpage'];
  const dcType = meta('dc.type');
  return {
    itemType:
      dcType && itemTypes.includes(dcType)
        ? dcType
        : meta('citation_title')
          ? 'journalArticle'
          : 'webpage',
    title: meta('citation_title') ?? meta('dc.title'),
    date: meta('citation_date') ?? meta('citation_publication_date') ?? meta('dc.date'),
    publicationTitle: meta('dc.source'),
    publisher: meta('dc.publisher'),
    language: meta('citation_language') ?? meta('dc.language'),
    url: meta('citation_public_url') ?? location,
    websiteTitle: meta('og:site_name'),
  };
}

describe('entity page metadata', () => {
  it('maps to a Zotero encyclopedia entry with title, site, date and URL', () => {
    const doc = page('people/matthew-prince');
    expect(zoteroItem(doc, 'http://localhost/')).toEqual({
      itemType: 'encyclopediaArticle',
      title: 'Matthew Prince',
      date: '2023/11/14',
      publicationTitle: 'Dossier',
      publisher: 'Dossier',
      language: 'en',
      url: `${SITE}/people/matthew-prince/`,
      websiteTitle: 'Dossier',
    });
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      `${SITE}/people/matthew-prince/`,
    );
    expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(doc.querySelector('meta[name=citation_author]')).toBeNull();
  });

  it('has JSON-LD naming the entity', () => {
    const doc = page('people/matthew-prince');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({
      '@type': 'WebPage',
      '@id': `${SITE}/people/matthew-prince/`,
      mainEntity: { '@type': 'Person', name: 'Matthew Prince', alternateName: ['Prince'] },
    });
  });

  it('keeps a name with </script> inside its JSON-LD', () => {
    const doc = page('people/mallory-script-script-window-pwned-1-script');
    const scripts = [...doc.querySelectorAll('script')];
    expect(
      scripts.filter((s) => !s.src && s.type !== 'application/ld+json' && s.type !== 'module'),
    ).toEqual([]);
    const ld = JSON.parse(scripts.find((s) => s.type === 'application/ld+json')!.textContent!);
    expect(ld.mainEntity).toMatchObject({
      name: HOSTILE,
      sameAs: ['https://www.wikidata.org/wiki/Q1'],
    });
    expect(doc.body.innerHTML).not.toContain('<script>window.__pwned');
  });

  it('numbers every mention and quote to a reference', () => {
    const doc = page('people/matthew-prince');
    const refs = [...doc.querySelectorAll('.references li')];
    expect(refs.length).toBe(2);
    expect(refs[0]!.id).toBe('ref-1');
    expect(refs[0]!.textContent).toMatch(/The Washington Post/);
    const mentions = doc.querySelectorAll('.mention-item');
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions)
      expect(m.querySelector('a.ref-mark')?.getAttribute('href')).toMatch(/^#ref-\d$/);
  });

  it('has a cite box with six formats and parseable downloads in the page', () => {
    const doc = page('people/matthew-prince');
    const labels = [...doc.querySelectorAll('.cite-box dt')].map((d) => d.textContent);
    expect(labels).toEqual(['APA 7', 'MLA 9', 'Chicago', 'Harvard', 'BibTeX', 'RIS']);
    expect(doc.querySelectorAll('.cite-box button[data-copy]').length).toBe(6);
    const download = (ext: string) => {
      const link = doc.querySelector(`.cite-downloads a[download="matthew-prince.${ext}"]`);
      const href = link?.getAttribute('href') ?? '';
      expect(href).toMatch(/^data:application\/[\w.+-]+;charset=utf-8,/);
      return decodeURIComponent(href.slice(href.indexOf(',') + 1));
    };
    const bib = new Cite(download('bib')).data[0];
    const ris = new Cite(download('ris')).data[0];
    const csl = JSON.parse(download('json'))[0];
    for (const item of [bib, ris, csl]) expect(item).toMatchObject({ title: 'Matthew Prince' });
    expect(ris).toMatchObject({ type: 'entry-encyclopedia', 'container-title': 'Dossier' });
    expect(csl).toMatchObject({
      type: 'entry-encyclopedia',
      URL: `${SITE}/people/matthew-prince/`,
    });
  });
});

describe('article page metadata', () => {
  it('maps to a Zotero newspaper article', () => {
    const kb = JSON.parse(readFileSync(join(dist, 'data/kb.json'), 'utf8'));
    const article = kb.articles[0];
    const doc = page(article.path.slice(1));
    expect(zoteroItem(doc, 'http://localhost/')).toMatchObject({
      itemType: 'newspaperArticle',
      title: article.title,
      publicationTitle: 'The Washington Post',
      date: '2022/09/03',
    });
    expect(doc.querySelector('.cite-box')).not.toBeNull();
  });
});
