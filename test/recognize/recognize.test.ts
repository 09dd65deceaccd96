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
    expect(found(body, [patternRecognizer])).toEqual(['site:Trek United', 'site:Signal']);
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
    expect(mentions).toEqual(['person:Ada Quill', 'site:Blorp', 'person:Ada Quill', 'site:Twitch']);
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
