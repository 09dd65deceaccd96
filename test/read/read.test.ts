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
