/**
 * Issue 22, import from the real world: a page's declared encoding is honoured, a saved
 * page swollen by an inline image imports as its article, a text over the article limit
 * is refused with a message, and a .txt that opens with front matter is markdown.
 */
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/import/convert.ts';
import { MAX_ARTICLE_BYTES } from '../../scripts/read/index.ts';

const article = (meta: string, body: string) =>
  `<!doctype html><html lang="fr"><head>${meta}<title>Le café de la gare</title></head><body><article><h1>Le café de la gare</h1>${body}</article></body></html>`;
const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraphe ${i}: la mairie a annoncé que le café rouvrirait à l'été, après des années de fermeture et une pétition signée par des centaines d'habitants.</p>`,
).join('');

describe('kb import of real-world files', () => {
  it('decodes a page in the encoding it declares (windows-1252)', () => {
    const bytes = new Uint8Array(
      [...article('<meta charset="windows-1252">', paragraphs)].map((c) =>
        c === 'é' ? 0xe9 : c === 'à' ? 0xe0 : c.charCodeAt(0),
      ),
    );
    const { frontMatter, body } = convertSource('page.html', bytes);
    expect(frontMatter.title).toBe('Le café de la gare');
    expect(body).toContain("rouvrirait à l'été");
  });

  it('imports a 12 MB page with an inline image as its few kilobytes of text', () => {
    const image = `<img src="data:image/png;base64,${'A'.repeat(12_000_000)}" alt="">`;
    const bytes = Buffer.from(article('<meta charset="utf-8">', image + paragraphs));
    const { body } = convertSource('page.html', bytes);
    expect(body).toContain('Paragraphe 5');
    expect(body).not.toContain('base64');
    expect(body.length).toBeLessThan(10_000);
  });

  it('refuses a .txt over the article limit, saying how to split it', () => {
    const bytes = Buffer.from(
      `A title\n\n${'Word and word. '.repeat(MAX_ARTICLE_BYTES / 14 + 10)}`,
    );
    expect(() => convertSource('huge.txt', bytes)).toThrow(
      /over the 5 MB limit for one article \(split it into several files\)/,
    );
  });

  it('reads a .txt that opens with front matter as markdown', () => {
    const bytes = Buffer.from(
      '---\ntitle: Front matter in a text file\ndate: 2024-01-02\n---\n\nBody text.\n',
    );
    const { frontMatter, body } = convertSource('note.txt', bytes);
    expect(frontMatter).toMatchObject({ title: 'Front matter in a text file', date: '2024-01-02' });
    expect(body).toBe('Body text.');
  });
});
