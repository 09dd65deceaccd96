import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../scripts/segment/index.ts';
import { summarize, type SummaryMention } from '../../scripts/assemble/summary.ts';
import { makeArticle } from '../helpers.ts';

/** Summary of the entity named `name` in `body`. */
function summary(body: string, name: string, roles = new Map()) {
  const doc = segmentArticle(makeArticle(body, 'a'));
  const mentions: SummaryMention[] = doc.paragraphs.flatMap((p) =>
    [...p.text.matchAll(new RegExp(name, 'g'))].map((m) => ({
      article: 'a',
      paragraph: p.id,
      start: m.index,
      end: m.index + name.length,
    })),
  );
  return summarize(mentions, () => doc.paragraphs, roles);
}

describe('summarize', () => {
  it('takes the sentence that defines the entity, with its paragraph', () => {
    const body =
      'Cloudflare said on Saturday it would act.\n\nCloudflare, a big tech security company, announced the move. Others followed.';
    expect(summary(body, 'Cloudflare')).toEqual({
      text: 'Cloudflare, a big tech security company, announced the move.',
      article: 'a',
      paragraph: 'p2',
    });
  });

  it('prefers "X was launched …" to a passing mention, and never a quotation', () => {
    const body =
      '“Kiwi Farms is a forum of hate,” she said.\n\nPeople left Kiwi Farms.\n\nKiwi Farms was launched in 2013 and became a forum for harassment.';
    expect(summary(body, 'Kiwi Farms')?.paragraph).toBe('p3');
  });

  it('uses the sentence stating a role when nothing else defines the person', () => {
    const body = 'Prince said no.\n\nCloudflare CEO Prince told the Post he changed his mind.';
    const roles = new Map([['a#p2', [{ start: 0, end: 20 }]]]);
    expect(summary(body, 'Prince', roles)?.paragraph).toBe('p2');
  });

  it('invents nothing: no defining sentence, no summary', () => {
    expect(summary('Prince said no. Then Prince left.', 'Prince')).toBeUndefined();
  });
});
