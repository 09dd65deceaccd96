import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/import/decode.ts';
import { importMarkdown } from '../../scripts/import/markdown.ts';
import { ImportError } from '../../scripts/import/types.ts';
import { fixture } from './helpers.ts';

describe('importMarkdown', () => {
  it('keeps the front matter, extra keys included, and drops the heading that repeats the title', () => {
    const { frontMatter, body } = importMarkdown(decodeSource(fixture('council-notes.md')));
    expect(frontMatter).toEqual({
      title: 'Council notes: "Bridge" vote, explained',
      authors: ['Sam Rivera'],
      date: '2024-03-05',
      tags: ['infrastructure'],
    });
    expect(body).toBe(
      'The vote came after three public hearings.\n\n## What happens next\n\nContractors will be chosen by June.',
    );
  });

  it('takes the title from the first # heading when the front matter has none', () => {
    const source =
      '---\npublisher: Coastal Daily\n---\nIntro line.\n\n# Ferry returns\n\nBody *text*.\n';
    const { frontMatter, body } = importMarkdown(source);
    expect(frontMatter).toEqual({ publisher: 'Coastal Daily', title: 'Ferry returns' });
    expect(body).toBe('Intro line.\n\nBody *text*.');
  });

  it('reads a setext heading and a singular author', () => {
    const { frontMatter, body } = importMarkdown(
      '---\nauthor: Ann Lee\n---\nFerry returns\n=====\n\nText.',
    );
    expect(frontMatter).toEqual({ title: 'Ferry returns', authors: ['Ann Lee'] });
    expect(body).toBe('Text.');
  });

  it('keeps a heading that differs from the front matter title', () => {
    const { body } = importMarkdown('---\ntitle: One\n---\n# Two\n\nText.');
    expect(body).toBe('# Two\n\nText.');
  });

  it('does not take a # line inside a code block for the title', () => {
    expect(() => importMarkdown('```\n# not a title\n```\n')).toThrow(/has no title/);
  });

  it('reports broken YAML', () => {
    expect(() => importMarkdown('---\ntitle: [unclosed\n---\nText')).toThrow(ImportError);
  });
});
