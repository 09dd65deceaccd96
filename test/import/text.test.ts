import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/import/decode.ts';
import { importText } from '../../scripts/import/text.ts';
import { splitTitle } from '../../scripts/import/title.ts';
import { ImportError } from '../../scripts/import/types.ts';
import { countParagraphs } from '../../scripts/import/count.ts';
import { fixture } from './helpers.ts';

describe('splitTitle', () => {
  it.each([
    [
      'Cloudflare abandons KiwiFarms – The Washington Post',
      'Cloudflare abandons KiwiFarms',
      'The Washington Post',
    ],
    ['Storm hits coast — Coastal Daily', 'Storm hits coast', 'Coastal Daily'],
    ['Storm hits coast - Coastal Daily', 'Storm hits coast', 'Coastal Daily'],
    ['Storm hits coast | Coastal Daily', 'Storm hits coast', 'Coastal Daily'],
    ['Part one – part two – The Post', 'Part one – part two', 'The Post'],
  ])('splits %j', (line, title, publisher) => {
    expect(splitTitle(line)).toEqual({ title, publisher });
  });

  it.each([
    'Wi-Fi returns to the library',
    'A title with no publisher',
    'Storm hits coast – and the town asks what the next ten years of weather will bring',
    'Mayor – "we will rebuild."',
  ])('leaves %j whole', (line) => {
    expect(splitTitle(line)).toEqual({ title: line });
  });
});

describe('importText', () => {
  it('takes the title and publisher from the first line and keeps every paragraph', () => {
    const { frontMatter, body } = importText(decodeSource(fixture('harbor-bridge.txt')));
    expect(frontMatter).toEqual({
      title: 'City council approves harbor bridge repairs',
      publisher: 'The Example Herald',
    });
    const paragraphs = body.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    // Hard-wrapped lines of one paragraph are joined, trailing spaces dropped.
    expect(paragraphs[0]).toBe(
      'The city council voted 7-2 on Tuesday to fund repairs to the Harbor Bridge, ending a year of debate over the aging crossing.',
    );
    expect(body).not.toMatch(/[ \t]$/m);
  });

  it('escapes text that markdown would read as markup', () => {
    const { body } = importText(decodeSource(fixture('harbor-bridge.txt')));
    expect(body).toContain("1\\. Not a list: the council's own numbering");
    expect(countParagraphs(body)).toBe(4);
    const tricky = importText(
      'Title\n\n# not a heading\n\n- not a list *or emphasis* <b>\n\nsnake_case stays',
    );
    expect(tricky.body).toBe(
      '\\# not a heading\n\n\\- not a list \\*or emphasis\\* \\<b>\n\nsnake_case stays',
    );
    expect(countParagraphs(tricky.body)).toBe(3);
  });

  it('treats each line as a paragraph when there are no blank lines', () => {
    const { frontMatter, body } = importText(
      'Headline\nFirst paragraph.\nSecond paragraph.\nThird.',
    );
    expect(frontMatter.title).toBe('Headline');
    expect(body).toBe('First paragraph.\n\nSecond paragraph.\n\nThird.');
  });

  it('skips leading blank lines before the title', () => {
    expect(importText('\n\n  Headline  \n\nText.').frontMatter).toEqual({ title: 'Headline' });
  });

  it('rejects a file with a title but no text', () => {
    expect(() => importText('Only a headline\n\n')).toThrow(ImportError);
  });
});

describe('decodeSource', () => {
  it('strips the BOM and Windows line endings', () => {
    const text = decodeSource(fixture('ferry-crlf-bom.txt'));
    expect(text.startsWith('Ferry')).toBe(true);
    expect(text).not.toContain('\r');
    const { frontMatter, body } = importText(text);
    expect(frontMatter).toEqual({
      title: 'Ferry service resumes after storm',
      publisher: 'Coastal Daily',
    });
    expect(body).toBe(
      'The ferry between the two islands ran again on Monday.\n\nOperators said the schedule would be normal by Friday.',
    );
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Títle\r\n\r\nText', 'utf16le'),
    ]);
    expect(decodeSource(bytes)).toBe('Títle\n\nText');
  });

  it.each([
    ['empty', fixture('empty.txt'), /is empty/],
    ['blank', Buffer.from(' \r\n\t\n'), /is empty/],
    ['binary', fixture('scanned-page.txt'), /binary/],
    ['Latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), /not valid UTF-8/],
  ])('refuses an %s file', (_name, bytes, message) => {
    expect(() => decodeSource(bytes)).toThrow(message);
  });
});
