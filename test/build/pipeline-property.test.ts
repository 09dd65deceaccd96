/**
 * Property-based tests (fast-check): random and mutated articles go through the real
 * pipeline without an unhandled error, and nothing from the input comes out as markup
 * that could run; any name gives a safe slug.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../scripts/core/ids.ts';
import { segmentArticle } from '../../scripts/segment/index.ts';
import { createRecognizers, recognizeMentions } from '../../scripts/recognize/index.ts';
import { extractQuotes } from '../../scripts/quotes/index.ts';
import { resolveEntities } from '../../scripts/resolve/index.ts';
import { renderArticle, type LinkedSpan } from '../../scripts/assemble/render-article.ts';
import { makeArticle } from '../helpers.ts';

const recognizers = createRecognizers({ curated: [] });

/** Pieces that stress markdown, HTML and the recognizers. */
const fragment = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '</script>',
    '[x](javascript:alert(1))',
    '[x](data:text/html,<b>)',
    '![i](http://t.example/p.gif)',
    '<a href="javascript:x">a</a>',
    '“',
    '”',
    '"',
    '‘',
    '’',
    '#Hashtag',
    'example.com',
    'Rep.',
    'CEO',
    'Ada Quill',
    'Zorblax Institute',
    'said',
    '\n\n',
    '\n',
    '> ',
    '- ',
    '# ',
    '```',
    '`',
    '*',
    '_',
    '---',
    '\r\n',
    '\u202e',
    '🔥',
    'محمد',
    'שלום',
    '\u0000',
    '&amp;',
    '&#x3C;',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const body = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(' '));

/** Every tag in the output: none may be executable, carry a handler or an unsafe link. */
function unsafeMarkup(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.filter(
    (tag) =>
      /^<(script|iframe|object|embed|img|svg|style|link|meta|form|input|base)\b/i.test(tag) ||
      /\son[a-z]+\s*=/i.test(tag) ||
      /\s(href|src)\s*=\s*"?\s*(javascript|data|vbscript):/i.test(tag),
  );
}

describe('the pipeline on random articles', () => {
  it('never throws and never emits markup that could run', () => {
    fc.assert(
      fc.property(body, (text) => {
        const doc = segmentArticle(makeArticle(text));
        const mentions = recognizeMentions(doc, recognizers);
        extractQuotes(doc, mentions);
        const { entities } = resolveEntities([{ doc, mentions }], [], { threshold: 0 });
        const spans = new Map<string, LinkedSpan[]>();
        for (const e of entities) {
          for (const m of e.mentions)
            spans.set(m.paragraph, [
              ...(spans.get(m.paragraph) ?? []),
              { start: m.start, end: m.end, href: `/x/${e.slug}/`, entity: e.id },
            ]);
        }
        const html = renderArticle(doc.tree, spans);
        expect(unsafeMarkup(html)).toEqual([]);
        for (const e of entities) expect(e.slug).toMatch(/^[\p{L}\p{N}-]+$/u);
      }),
      { numRuns: 300, seed: 20221203 },
    );
  });
});

describe('slugify', () => {
  it('gives a non-empty, bounded, file-safe slug for any name, never a reserved or relative one', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 120 }),
          fc.constantFrom('..', '.', '../etc/passwd', 'con', 'NUL', 'com1', '🔥🔥', '‮evil', ''),
        ),
        (name) => {
          const slug = slugify(name);
          expect(slug.length).toBeGreaterThan(0);
          expect(slug.length).toBeLessThanOrEqual(90);
          expect(slug).toMatch(/^[a-z0-9-]+$/);
          expect(['con', 'prn', 'aux', 'nul', 'com1', 'lpt1']).not.toContain(slug);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('transliterates any script to ASCII, so the URL is the same on every host and file system', () => {
    expect(slugify('Zoë Quinn')).toBe('zoe-quinn');
    expect(slugify('Jonas Gahr Støre')).toBe('jonas-gahr-store');
    expect(slugify('Lech Wałęsa')).toBe('lech-walesa');
    expect(slugify('Дмитрий Песков')).toBe('dmitriy-peskov');
    expect(slugify('Αλέξης Τσίπρας')).toBe('alexis-tsipras');
    expect(slugify('محمد بن سلمان')).toBe('mhmd-bn-slmn');
    expect(slugify('习近平')).toBe('xi-jin-ping');
    expect(slugify('#DropKiwiFarms')).toBe('dropkiwifarms');
    expect(slugify('con')).toMatch(/^con-[0-9a-f]{8}$/);
    expect(slugify('🔥')).toBe('fire');
    expect(slugify('...')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('gives NFC and NFD spellings, look-alike letters and invisible characters one slug', () => {
    expect(slugify('José Martí'.normalize('NFD'))).toBe(slugify('José Martí'.normalize('NFC')));
    expect(slugify('M\u0430tthew Prince')).toBe('matthew-prince');
    expect(slugify('Matthew\u200B Prince\u202E')).toBe('matthew-prince');
  });
});
