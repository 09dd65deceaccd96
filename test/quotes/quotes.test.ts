import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../scripts/read/index.ts';
import { createRecognizers, recognizeMentions } from '../../scripts/recognize/index.ts';
import { extractQuotes, type Quote } from '../../scripts/quotes/index.ts';
import { segmentArticle } from '../../scripts/segment/index.ts';
import type { Mention, SegmentedArticle } from '../../scripts/core/types.ts';
import { makeArticle } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;

interface GoldQuote {
  text: string;
  speaker: string | null;
}
const gold = JSON.parse(
  readFileSync(new URL('../fixtures/quotes/seed-gold.json', import.meta.url), 'utf8'),
) as { articles: Record<string, GoldQuote[]> };

/** Quote text compared without edge punctuation and with one kind of apostrophe. */
const norm = (text: string) =>
  text
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');

const withoutThe = (name: string) => name.replace(/^the\s+/i, '');

/** The speaker mention names the gold person: its text is the full name or the last word. */
function namesSpeaker(mention: Mention | undefined, name: string | null): boolean {
  if (!mention || !name) return !mention && !name;
  const said = withoutThe(mention.text);
  const full = withoutThe(name);
  return said === full || said === full.split(' ').at(-1);
}

describe('extractQuotes on the seed story', () => {
  const { items } = readArticles(`${root}content/articles`, root);
  const recognizers = createRecognizers({ curated: [] });

  for (const article of items) {
    const expected = gold.articles[article.slug];
    it(`finds every quote of ${article.slug} with its speaker`, () => {
      expect(expected, 'gold list for this article').toBeDefined();
      const doc = segmentArticle(article);
      const quotes = extractQuotes(doc, recognizeMentions(doc, recognizers));
      const row = (q: Quote | undefined, g: GoldQuote) =>
        `${norm(g.text).slice(0, 40)} → ${q ? (q.speaker?.text ?? 'nobody') : 'NOT FOUND'}`;
      const problems: string[] = [];
      for (const g of expected!) {
        const found = quotes.find((q) => norm(q.text) === norm(g.text));
        if (!found || !namesSpeaker(found.speaker, g.speaker)) problems.push(row(found, g));
      }
      for (const q of quotes) {
        if (!expected!.some((g) => norm(g.text) === norm(q.text)))
          problems.push(`unexpected quote: ${q.text.slice(0, 40)}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/** A document and hand-made mentions for the names listed (type by name). */
function build(
  body: string,
  names: Record<string, Mention['type']>,
): [SegmentedArticle, Mention[]] {
  const doc = segmentArticle(makeArticle(body));
  const mentions: Mention[] = [];
  for (const p of doc.paragraphs) {
    for (const [name, type] of Object.entries(names)) {
      for (const m of p.text.matchAll(new RegExp(`\\b${name}\\b`, 'g')))
        mentions.push({
          paragraph: p.id,
          start: m.index,
          end: m.index + name.length,
          text: name,
          type,
          score: 1,
          source: 'test',
        });
    }
  }
  mentions.sort((a, b) => a.paragraph.localeCompare(b.paragraph) || a.start - b.start);
  return [doc, mentions];
}

const said = (body: string, names: Record<string, Mention['type']>, minWords?: number) => {
  const [doc, mentions] = build(body, names);
  return extractQuotes(doc, mentions, minWords ? { minWords } : {}).map(
    (q) => `${q.text} | ${q.speaker?.text ?? '-'} | ${q.via ?? '-'}`,
  );
};

describe('extractQuotes patterns', () => {
  it('reads attributions after, before and around a quote', () => {
    expect(
      said(
        '"We will win this race," said Ana Ruiz. Ana Ruiz said: "Nobody saw it coming."\n\n' +
          'Bo Chen said, "It is far from over." "You will see," Bo Chen added on Monday.',
        { 'Ana Ruiz': 'person', 'Bo Chen': 'person' },
        2,
      ),
    ).toEqual([
      'We will win this race | Ana Ruiz | adjacent',
      'Nobody saw it coming. | Ana Ruiz | adjacent',
      'It is far from over. | Bo Chen | adjacent',
      'You will see | Bo Chen | adjacent',
    ]);
  });

  it('gives a quote to the full name whose bare surname the recognizer missed', () => {
    expect(
      said(
        'Jeff Stone spoke first, and Ana Ruiz answered.\n\n' +
          '"We will hold the line on taxes," Stone said. Ana Ruiz said: "Stone is wrong."',
        { 'Jeff Stone': 'person', 'Ana Ruiz': 'person' },
      ),
    ).toEqual([
      'We will hold the line on taxes | Jeff Stone | adjacent',
      'Stone is wrong. | Ana Ruiz | adjacent',
    ]);
  });

  it('takes a bare surname only as a word of its own', () => {
    // "Stonewall", "ex-Stone" and "J.Stone" hold the surname but are other words; the
    // quotes they introduce find no speaker rather than Jeff Stone.
    expect(
      said(
        'Jeff Stone spoke first.\n\n' +
          '"We will hold the line on taxes," Stonewall said. "Not on my watch," ex-Stone said. ' +
          '"Look at it again," J.Stone said. "We never will," Stone said.',
        { 'Jeff Stone': 'person' },
      ),
    ).toEqual([
      'We will hold the line on taxes | - | -',
      'Not on my watch | - | -',
      'Look at it again | - | -',
      'We never will | Jeff Stone | adjacent',
    ]);
  });

  it('reaches the name after "said" across titles and roles in its clause', () => {
    expect(
      said(
        '"Nobody expected the turnout we saw," said Vela University political scientist Bo Chen.',
        { 'Vela University': 'organization', 'Bo Chen': 'person' },
      ),
    ).toEqual(['Nobody expected the turnout we saw | Bo Chen | adjacent']);
  });

  it('gives a quote after a colon to the subject of the clause that introduces it', () => {
    expect(
      said('Ana Ruiz delivered a blunt message to Bo Chen: "You will not win this state."', {
        'Ana Ruiz': 'person',
        'Bo Chen': 'person',
      }),
    ).toEqual(['You will not win this state. | Ana Ruiz | colon']);
  });

  it('resolves pronouns and "the company", skipping names inside quotes', () => {
    expect(
      said(
        'Ana Ruiz met Vela Systems on Friday.\n\n“Bo Chen never called us back, not once,” she told the Post. ' +
          '“We stand by our product and our customers,” the company said.',
        {
          'Ana Ruiz': 'person',
          'Bo Chen': 'person',
          'Vela Systems': 'organization',
          Post: 'organization',
        },
      ),
    ).toEqual([
      'Bo Chen never called us back, not once | Ana Ruiz | pronoun',
      'We stand by our product and our customers | Vela Systems | organization-reference',
    ]);
  });

  it('continues a quote into the next paragraph and closes one left open', () => {
    expect(
      said(
        'Ana Ruiz spoke in the interview on Monday. “This is the first part of it.\n\n' +
          '“And this is the second part,” she said.\n\nThen a “scare quote” and a stray ” mark. ' +
          '“This one never closes at all',
        { 'Ana Ruiz': 'person' },
      ),
    ).toEqual([
      'This is the first part of it. And this is the second part | Ana Ruiz | pronoun',
      'This one never closes at all | - | -',
    ]);
  });

  it('takes the speaker from the sentence before', () => {
    expect(
      said('Ana Ruiz said in an interview that she was tired. “We have done enough for now.”', {
        'Ana Ruiz': 'person',
      }),
    ).toEqual(['We have done enough for now. | Ana Ruiz | previous-sentence']);
  });
});
