import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  decodeText,
  formatProblem,
  readArticles,
  readCuratedEntities,
} from '../../scripts/read/index.ts';
import { tempTree } from '../helpers.ts';

const good =
  '---\ntitle: "Cloudflare: a story"\npublisher: The Post\ndate: 2022-09-03\nauthors: [A. Writer]\n---\n\nFirst paragraph.\n\nSecond one.\n';

describe('readArticles', () => {
  it('reads valid front matter, normalizing a YAML date to YYYY-MM-DD', () => {
    const root = tempTree({ 'articles/good.md': good });
    const { items, problems } = readArticles(join(root, 'articles'), root);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]!.meta).toMatchObject({
      title: 'Cloudflare: a story',
      publisher: 'The Post',
      date: '2022-09-03',
      authors: ['A. Writer'],
      language: 'en',
    });
    expect(items[0]!.id).toBe('good');
    expect(items[0]!.bodyLine).toBe(7);
  });

  it('reports each bad file with its line and a fix, and still reads the others', () => {
    const root = tempTree({
      'articles/a-good.md': good,
      'articles/bad-date.md': '---\ntitle: Fine\npublisher: X\ndate: next week\n---\nText.\n',
      'articles/bad-yaml.md': '---\ntitle: "unclosed\nauthors: [\n---\nText.\n',
      'articles/no-title.md': '---\npublisher: X\n---\nText.\n',
      'articles/empty-body.md': '---\ntitle: Only a title\n---\n\n',
      'articles/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    });
    const { items, problems } = readArticles(join(root, 'articles'), root);
    expect(items.map((a) => a.slug)).toEqual(['a-good']);
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^articles\/bad-date\.md:4: .*"next week" is not a date \(use YYYY-MM-DD\)/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^articles\/bad-yaml\.md:\d+: invalid YAML front matter/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^articles\/no-title\.md:1: .*title/));
    expect(lines).toContainEqual(expect.stringMatching(/^articles\/empty-body\.md: has no text/));
    expect(lines).toContainEqual(expect.stringMatching(/^articles\/binary\.md: is a binary file/));
  });

  it('reads Windows line endings and a byte-order mark', () => {
    const root = tempTree({ 'articles/crlf.md': '\uFEFF' + good.replace(/\n/g, '\r\n') });
    const { items, problems } = readArticles(join(root, 'articles'), root);
    expect(problems).toEqual([]);
    expect(items[0]!.body).not.toContain('\r');
  });
});

describe('readCuratedEntities', () => {
  it('reads curated entities and rejects a type that contradicts the folder', () => {
    const root = tempTree({
      'entities/person/clara.md':
        '---\nname: Clara Sorrenti\naliases: [Keffals]\n---\nA streamer.\n',
      'entities/site/wrong.md': '---\nname: Somebody\ntype: person\n---\n',
    });
    const { items, problems } = readCuratedEntities(join(root, 'entities'), root);
    expect(items).toMatchObject([
      { name: 'Clara Sorrenti', type: 'person', aliases: ['Keffals'], summary: 'A streamer.' },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^entities\/site\/wrong\.md:3: type "person" does not match its folder "site"/,
      ),
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-16 with a byte-order mark, and refuses invalid UTF-8 and oversized files with a fix', () => {
    const text = '---\ntitle: Zürich\n---\nBody.\n';
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(() => decodeText(new Uint8Array([0x43, 0xc3, 0x28]))).toThrow(
      /not valid UTF-8 text \(re-save it with UTF-8 encoding\)/,
    );
    expect(() => decodeText(new Uint8Array(6 * 1024 * 1024).fill(0x61))).toThrow(
      /over the 5 MB limit .*split it/,
    );
  });
});

describe('front matter from the real world', () => {
  const read = (front: string) => {
    const root = tempTree({ 'articles/a.md': `---\n${front}\n---\n\nSome text.\n` });
    return readArticles(join(root, 'articles'), root);
  };

  it('keeps the day a date-time names, whatever its offset, and refuses a day that does not exist', () => {
    expect(read('title: T\ndate: 2022-09-03T22:30:00-05:00').items[0]!.meta.date).toBe(
      '2022-09-03',
    );
    expect(read('title: T\ndate: 2024-02-29').items[0]!.meta.date).toBe('2024-02-29');
    for (const bad of ['2022-02-30', '2023-02-29', '2022-13-01'])
      expect(formatProblem(read(`title: T\ndate: ${bad}`).problems[0]!)).toBe(
        `articles/a.md:3: "${bad}" is not a date (use YYYY-MM-DD)`,
      );
  });

  it('takes a BCP 47 language tag in its canonical form, and nothing else', () => {
    expect(read('title: T\nlanguage: PT-br').items[0]!.meta.language).toBe('pt-BR');
    for (const bad of ['../../../content/pwn', '"en"', 'x'.repeat(43), 'english please']) {
      const { items, problems } = read(`title: T\nlanguage: '${bad}'`);
      expect(items, bad).toEqual([]);
      expect(problems[0]!.message).toMatch(/"language" must be a BCP 47 language tag/);
      expect(problems[0]!.line).toBe(3);
    }
  });

  it('refuses a YAML alias bomb at parse time, naming the file', () => {
    const bomb = [
      'title: T',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'note: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const { items, problems } = read(bomb);
    expect(items).toEqual([]);
    expect(formatProblem(problems[0]!)).toMatch(
      /^articles\/a\.md:\d+: invalid YAML front matter: .*alias/i,
    );
  });

  it('takes bidi controls out of text fields, with a warning that keeps the article', () => {
    const { items, problems } = read("title: 'Evil \u202Etxt.exe'\npublisher: Post");
    expect(items[0]!.meta.title).toBe('Evil txt.exe');
    expect(problems).toEqual([
      expect.objectContaining({ file: 'articles/a.md', line: 2, kept: true }),
    ]);
  });
});

describe('curated entities from the real world', () => {
  it("reads the URL's folder name as the type, and names a folder it cannot use", () => {
    const root = tempTree({
      'entities/people/ada.md': '---\nname: "Ada\u200B Quill"\n---\nA person.\n',
      'entities/persons/bob.md': '---\nname: Bob\n---\nA person.\n',
    });
    const { items, problems } = readCuratedEntities(join(root, 'entities'), root);
    expect(items.map((e) => [e.type, e.name])).toEqual([['person', 'Ada Quill']]);
    expect(problems.map(formatProblem)).toEqual([
      'entities/persons: is not an entity folder, so its files are not read (use one of person, organization, site, campaign, place, event)',
      expect.stringMatching(/^entities\/people\/ada\.md:2: "name" held invisible/),
    ]);
  });

  it('accepts only http(s) sameAs links', () => {
    const root = tempTree({
      'entities/person/a.md': '---\nname: A\nsameAs: ["javascript:alert(1)"]\n---\n',
      'entities/person/b.md': '---\nname: B\nsameAs: ["data:text/html,x"]\n---\n',
      'entities/person/c.md': '---\nname: C\nsameAs: ["https://www.wikidata.org/wiki/Q1"]\n---\n',
    });
    const { items, problems } = readCuratedEntities(join(root, 'entities'), root);
    expect(items.map((e) => e.name)).toEqual(['C']);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/sameAs must list http\(s\) addresses/),
      expect.stringMatching(/sameAs must list http\(s\) addresses/),
    ]);
  });
});
