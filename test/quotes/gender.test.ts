import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../scripts/quotes/index.ts';
import { segmentArticle } from '../../scripts/segment/index.ts';
import type { Mention } from '../../scripts/core/types.ts';
import { makeArticle } from '../helpers.ts';

/** Person mentions of `names` wherever they occur. */
function withPeople(body: string, names: string[]) {
  const doc = segmentArticle(makeArticle(body, 'gender'));
  const mentions: Mention[] = doc.paragraphs.flatMap((p) =>
    names.flatMap((name) =>
      [...p.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
        paragraph: p.id,
        start: m.index,
        end: m.index + name.length,
        text: name,
        type: 'person' as const,
        score: 0.9,
        source: 'tagger',
      })),
    ),
  );
  return extractQuotes(doc, mentions);
}

describe('pronoun speakers and gender', () => {
  it('gives "he" to the man and "she" to the woman the article shows them to be', () => {
    const quotes = withPeople(
      [
        'Clinton said she would win. Trump said he would win.',
        'Clinton spoke after Trump. He says, "Working that microphone was hard work."',
        'Trump answered Clinton at length. She says, "Nobody believes that story anymore."',
      ].join('\n\n'),
      ['Clinton', 'Trump'],
    );
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Trump', 'Clinton']);
  });

  it('leaves a surname two people share without a gender', () => {
    const quotes = withPeople(
      [
        'Keith Scott said he was fine. Rakeyia Scott said she was there.',
        'Keith Scott left. She said, "Do not shoot him, he has no weapon."',
      ].join('\n\n'),
      ['Keith Scott', 'Rakeyia Scott'],
    );
    expect(quotes[0]!.speaker?.text).toBe('Rakeyia Scott');
  });

  it('reads the gender a given name shows, for the full name and its surname alone', () => {
    const quotes = withPeople(
      [
        'Hillary Clinton met Donald Trump on stage.',
        'Trump answered Clinton at length. She says, "Nobody believes that story anymore."',
        'Clinton spoke after Trump. He says, "Working that microphone was hard work."',
      ].join('\n\n'),
      ['Hillary Clinton', 'Donald Trump', 'Clinton', 'Trump'],
    );
    expect(quotes.map((q) => q.speaker?.text.split(' ').at(-1))).toEqual(['Clinton', 'Trump']);
  });
});
