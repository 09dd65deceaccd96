import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../scripts/segment/index.ts';
import {
  createRecognizers,
  recognizeMentions,
  RECOGNIZERS,
  splitAtTitle,
} from '../../scripts/recognize/index.ts';
import { patternRecognizer } from '../../scripts/recognize/patterns.ts';
import { gazetteerRecognizer } from '../../scripts/recognize/gazetteer.ts';
import { makeArticle } from '../helpers.ts';
import { createExtractor } from '../../scripts/build/extract-text.ts';
import { recallNames } from '../../scripts/recognize/recall.ts';

const found = (body: string, factories = RECOGNIZERS, curated = []) =>
  recognizeMentions(
    segmentArticle(makeArticle(body)),
    createRecognizers({ curated }, factories),
  ).map((m) => `${m.type}:${m.text}`);

describe('pattern recognizer', () => {
  it('finds hashtag campaigns, domains and sites named by their context', () => {
    const body =
      'She started the #FreeTheData campaign. Users of the Blorp website and the forum Zanzibar Boards, and of qux.example.com, left. Frob, a forum for fans, closed.';
    expect(found(body, [patternRecognizer])).toEqual([
      'campaign:#FreeTheData',
      'site:Blorp',
      'site:Zanzibar Boards',
      'site:qux.example.com',
      'site:Frob',
    ]);
  });

  it('takes neither a stock ticker nor a run-on sentence for a domain, nor a name ending in a cue word for a site', () => {
    const body =
      'Shares of KLM <KLM.AS> and Paribas <BNPP.PA> rose 5 pct per share.It said so. The World Economic Forum met; the Acme board met. Readers of acme.co.uk and Example.com agreed.';
    expect(found(body, [patternRecognizer])).toEqual(['site:acme.co.uk', 'site:Example.com']);
  });

  it('takes a common word opening a sentence for no name, unless the article capitalizes it inside one too', () => {
    const body =
      'Ultimately, the forum will be busy. Fan website Trek United raised money. Signal, an app, grew. Users of Signal agreed.';
    // The pattern names "Signal, an app"; the article's other "Signal" is the same name.
    expect(found(body, [patternRecognizer])).toEqual([
      'site:Trek United',
      'site:Signal',
      'site:Signal',
    ]);
  });

  it('finds named events with their year, place and date', () => {
    const body =
      'After the 2019 Christchurch mosque shooting, and since the attack on the U.S. Capitol on January 6, 2021, fears grew. Denial-of-service attacks continued.';
    expect(found(body, [patternRecognizer])).toEqual([
      'event:2019 Christchurch mosque shooting',
      'event:attack on the U.S. Capitol on January 6, 2021',
    ]);
  });

  it('lets one modifier stand inside an event name, but no function word', () => {
    const body =
      'Voters met before the 1984 general election. Unions marched on Monday to protest. He was arrested hours after Lana Clarkson before shooting began. Leaving a Brussels summit, she spoke.';
    expect(found(body, [patternRecognizer])).toEqual([
      'event:1984 general election',
      'event:Brussels summit',
    ]);
  });
});

describe('gazetteer recognizer', () => {
  it('matches curated names and aliases, longest first, only when capitalized in the text', () => {
    const curated = [
      { name: 'Ada Quill', type: 'person' as const, aliases: ['Quillfeather'], sameAs: [] },
    ];
    expect(
      found(
        'Ada Quill, known as Quillfeather, uses Telegram; a telegram came.',
        [gazetteerRecognizer],
        curated as never,
      ),
    ).toEqual(['person:Ada Quill', 'person:Quillfeather', 'site:Telegram']);
  });
});

describe('recognizeMentions', () => {
  it('lets an earlier recognizer win where spans overlap, and returns text order', () => {
    const mentions = found(
      'Rep. Ada Quill posted on the Blorp website. Ada Quill said so on Twitch.',
    );
    // The second "Ada Quill" is typed by the tagger alone; the article's vote settles it below.
    expect(mentions.map((m) => m.replace(/^\w+:/, ''))).toEqual([
      'Ada Quill',
      'Blorp',
      'Ada Quill',
      'Twitch',
    ]);
    expect(mentions.filter((m) => m.startsWith('site:'))).toEqual(['site:Blorp', 'site:Twitch']);
    expect(mentions[0]).toBe('person:Ada Quill');
  });

  it('makes a name after a title a person, and the title outweighs the tagger elsewhere in the article', () => {
    const extraction = createExtractor().extract(
      'quill',
      'Rep. Ada Quill posted on the Blorp website. Ada Quill said so on Twitch. King Zorbo spoke.',
    );
    const byName = new Map(extraction.entities.map((e) => [e.name, e]));
    expect(byName.get('Ada Quill')?.type).toBe('person');
    expect(byName.get('Ada Quill')?.mentions).toHaveLength(2);
    expect(byName.get('Zorbo')?.type).toBe('person');
  });
});

describe('titles are not part of names', () => {
  it('cuts a span at a title and keeps the person after it whole', () => {
    const mention = {
      paragraph: 'p1',
      start: 0,
      end: 22,
      text: 'Cloudflare CEO Matthew',
      type: 'organization' as const,
      score: 0.3,
      source: 'tagger',
    };
    expect(
      splitAtTitle(mention, 'Cloudflare CEO Matthew Prince spoke.').map(
        (m) => `${m.type}:${m.text}`,
      ),
    ).toEqual(['organization:Cloudflare', 'person:Matthew Prince']);
  });

  const span = (text: string, paragraph: string, type: 'person' | 'organization') => {
    const start = paragraph.indexOf(text);
    return splitAtTitle(
      {
        paragraph: 'p1',
        start,
        end: start + text.length,
        text,
        type,
        score: 0.5,
        source: 'tagger',
      },
      paragraph,
    ).map((m) => `${m.type}:${m.text}`);
  };

  it('leaves a royal or judicial title and the words that qualify it outside a person', () => {
    expect(span('King Abdullah', 'King Abdullah met them.', 'person')).toEqual(['person:Abdullah']);
    expect(
      span('Crown Prince Mohammed bin Salman', 'Crown Prince Mohammed bin Salman said.', 'person'),
    ).toEqual(['person:Mohammed bin Salman']);
    expect(
      span('Justice Mohammad Shahinur Islam', 'led by Justice Mohammad Shahinur Islam', 'person'),
    ).toEqual(['person:Mohammad Shahinur Islam']);
  });

  it('keeps those titles inside the name of an organization', () => {
    const paragraph = 'She studied at King Abdullah University of Science.';
    expect(span('King Abdullah University of Science', paragraph, 'organization')).toEqual([
      'organization:King Abdullah University of Science',
    ]);
  });
});

describe('spans that are no name', () => {
  it('takes neither page furniture nor a currency code glued to its sign for a name', () => {
    const mentions = found(
      'Slideshow\n\nFile Photo\n\nThe firm raised US$500 million and HK$3 billion in London.',
    );
    expect(mentions).toContain('place:London');
    expect(mentions.filter((m) => /Slideshow|File Photo|:US$|:HK$/.test(m))).toEqual([]);
  });
});

describe('organization evidence from context', () => {
  it('types a name before a role, after "CEO of", or described as a company', () => {
    const body =
      'Zorblax CEO Ada Quill spoke. The CEO of Frobnic agreed. Quuxly, a big security company, did not. Its registrar, Hostcorp, left.';
    expect(found(body, [patternRecognizer]).filter((m) => m.startsWith('organization'))).toEqual([
      'organization:Zorblax',
      'organization:Frobnic',
      'organization:Quuxly',
      'organization:Hostcorp',
    ]);
  });
});

describe('one name, one meaning in an article', () => {
  it('finds a name again where the recognizers missed it, written apart or as one word', () => {
    const extraction = createExtractor().extract(
      'recall',
      'Kiwi Farms, a forum, went offline. “I was targeted by Kiwifarms,” she said. Its founder Joshua Moon spoke; Moon declined to comment.',
    );
    const kiwi = extraction.entities.find((e) => e.name === 'Kiwi Farms');
    expect(kiwi?.mentions.map((m) => m.text)).toEqual(['Kiwi Farms', 'Kiwifarms']);
    const moon = extraction.entities.find((e) => e.name === 'Joshua Moon');
    expect(moon?.mentions.map((m) => m.text)).toEqual(['Joshua Moon', 'Moon']);
  });

  it('finds a short name the article introduces in brackets wherever it stands', () => {
    const body = 'The Zorbic Harbour Authority (ZHA) met. Later the ZHA agreed, and so did Ana.';
    const doc = segmentArticle(makeArticle(body));
    const paragraph = doc.paragraphs[0]!;
    const start = paragraph.text.indexOf('Zorbic Harbour Authority');
    const added = recallNames(doc, [
      {
        paragraph: paragraph.id,
        start,
        end: start + 'Zorbic Harbour Authority'.length,
        text: 'Zorbic Harbour Authority',
        type: 'organization',
        score: 0.9,
        source: 'tagger',
      },
    ]);
    expect(added.map((m) => `${m.type}:${m.text}`)).toEqual([
      'organization:ZHA',
      'organization:ZHA',
    ]);
  });

  it('leaves a surname two people of the article share to neither, and a name inside a longer one alone', () => {
    const body =
      'Ana Moon and Joshua Moon met in Zorbville. Moon spoke first. Zorbville Harbour Authority agreed, and Zorbville too.';
    const doc = segmentArticle(makeArticle(body));
    const paragraph = doc.paragraphs[0]!;
    const mention = (text: string, type: 'person' | 'place') => {
      const start = paragraph.text.indexOf(text);
      return {
        paragraph: paragraph.id,
        start,
        end: start + text.length,
        text,
        type,
        score: 0.9,
        source: 'tagger',
      };
    };
    const added = recallNames(doc, [
      mention('Ana Moon', 'person'),
      mention('Joshua Moon', 'person'),
      mention('Zorbville', 'place'),
    ]);
    expect(added.map((m) => `${m.type}:${m.text}@${m.start}`)).toEqual([
      `place:Zorbville@${body.lastIndexOf('Zorbville')}`,
    ]);
  });
});

describe('a nationality before a name', () => {
  it('is no part of the person it describes', () => {
    const names = createExtractor()
      .extract('n', 'Gambian Lamin Jallow scored twice, and Kenyan Eliud Kipchoge won in Berlin.')
      .entities.filter((e) => e.type === 'person')
      .flatMap((e) => e.mentions.map((m) => m.text));
    expect(names.sort()).toEqual(['Eliud Kipchoge', 'Lamin Jallow']);
  });
});
