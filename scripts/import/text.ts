/** Plain text articles: a headline line, then paragraphs. */
import { escapeText } from './escape.ts';
import { splitTitle } from './title.ts';
import { ImportError, type ConvertedArticle } from './types.ts';

/**
 * Splits text into paragraphs. Blank lines separate paragraphs and hard-wrapped lines
 * inside one are joined; a text without any blank line (one paragraph per line, as
 * some copy-pastes give) makes each line a paragraph.
 */
function splitParagraphs(text: string): string[] {
  const body = text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  const groups = body.includes('\n\n') ? body.split(/\n{2,}/) : body.split('\n');
  return groups.map((group) => group.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Converts a decoded `.txt` article. The first non-empty line is the title, with a
 * trailing " – Publisher" moved to `publisher`; the rest becomes escaped markdown
 * paragraphs.
 */
export function importText(source: string): ConvertedArticle {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^\s*(\S[^\n]*)\n?([\s\S]*)$/.exec(text);
  if (!match) throw new ImportError('is empty (nothing to import; add the article text)');
  const { title, publisher } = splitTitle(match[1] ?? '');
  const paragraphs = splitParagraphs(match[2] ?? '');
  if (paragraphs.length === 0) {
    throw new ImportError(
      'has a title line but no text (put the article text below the first line)',
    );
  }
  return {
    frontMatter: { title, ...(publisher ? { publisher } : {}) },
    body: paragraphs.map(escapeText).join('\n\n'),
  };
}
