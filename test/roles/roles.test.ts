import { describe, expect, it } from 'vitest';
import { loadRoleLexicon, parseRoleLexicon } from '../../scripts/roles/lexicon.ts';
import { findRoles, type RoleMention } from '../../scripts/roles/index.ts';
import { segmentArticle } from '../../scripts/segment/index.ts';
import type { EntityType } from '../../scripts/core/schema.ts';
import { makeArticle } from '../helpers.ts';

/** The roles in `text`, whose names are given as [words, entity, type]. */
function roles(text: string, names: Array<[string, string, EntityType]>) {
  const paragraph = segmentArticle(makeArticle(text)).paragraphs[0]!;
  const mentions: RoleMention[] = [];
  for (const [words, entity, type] of names)
    for (const m of text.matchAll(new RegExp(words.replace(/[.()]/g, '\\$&'), 'g')))
      mentions.push({ entity, type, paragraph: 'p1', start: m.index, end: m.index + words.length });
  return findRoles(paragraph, mentions, loadRoleLexicon()).map((f) => ({
    subject: f.subject.entity,
    role: f.role,
    of: f.object?.entity,
    evidence: text.slice(f.evidence.start, f.evidence.end),
  }));
}

const PRINCE: [string, string, EntityType] = ['Matthew Prince', 'prince', 'person'];
const CLOUDFLARE: [string, string, EntityType] = ['Cloudflare', 'cloudflare', 'organization'];

describe('findRoles', () => {
  it('keeps a verb or preposition before a title out of the role', () => {
    const REAGAN: [string, string, EntityType] = ['Reagan', 'reagan', 'person'];
    for (const text of [
      'The news agency following President Reagan said so.',
      'Congress urged President Reagan to act.',
      'Senators hailed President Reagan on Monday.',
      'They called upon President Reagan again.',
      'It happened during President Reagan and his term.',
      'Nothing moves without President Reagan here.',
    ])
      expect(
        roles(text, [REAGAN]).map((r) => r.role),
        text,
      ).toEqual(['president']);
    expect(roles('The acting President Reagan spoke.', [REAGAN])[0]?.role).toBe('acting President');
  });

  it('reads a title written before the name with its organization', () => {
    expect(
      roles('Cloudflare CEO Matthew Prince, who posted a blog, told the Post.', [
        CLOUDFLARE,
        PRINCE,
      ]),
    ).toEqual([
      {
        subject: 'prince',
        role: 'CEO',
        of: 'cloudflare',
        evidence: 'Cloudflare CEO Matthew Prince',
      },
    ]);
  });

  it('reads "The CEO of X, Name"', () => {
    expect(
      roles('The CEO of Cloudflare, Matthew Prince, wrote a post.', [CLOUDFLARE, PRINCE]),
    ).toEqual([
      {
        subject: 'prince',
        role: 'CEO',
        of: 'cloudflare',
        evidence: 'The CEO of Cloudflare, Matthew Prince',
      },
    ]);
  });

  it('reads an appositive with the role and where it is held', () => {
    const text =
      "Daphne Keller, director of the program on platform regulation at Stanford's Cyber Policy Center, cited a case.";
    expect(
      roles(text, [
        ['Daphne Keller', 'keller', 'person'],
        ['Stanford', 'stanford', 'organization'],
        ['Cyber Policy Center', 'cpc', 'organization'],
      ]),
    ).toEqual([
      expect.objectContaining({
        role: 'director of the program on platform regulation',
        of: 'cpc',
      }),
    ]);
  });

  it('expands a title and keeps the party and state', () => {
    expect(
      roles('On Aug. 24, Rep. Marjorie Taylor Greene (R-Ga.) called for it.', [
        ['Marjorie Taylor Greene', 'greene', 'person'],
      ]),
    ).toEqual([
      {
        subject: 'greene',
        role: 'Representative (R-Ga.)',
        of: undefined,
        evidence: 'Rep. Marjorie Taylor Greene (R-Ga.)',
      },
    ]);
  });

  it('reads coordinated appositives, standalone roles and copulas', () => {
    expect(
      roles('Erin Reed, trans activist and content creator, tweeted.', [
        ['Erin Reed', 'reed', 'person'],
      ]).map((r) => r.role),
    ).toEqual(['trans activist', 'content creator']);
    expect(
      roles('Moon, founder of Kiwi Farm, is a former administrator of 8chan, a forum.', [
        ['Moon', 'moon', 'person'],
        ['Kiwi Farm', 'kf', 'site'],
        ['8chan', '8chan', 'site'],
      ]).map((r) => [r.role, r.of]),
    ).toEqual([
      ['founder', 'kf'],
      ['former administrator', '8chan'],
    ]);
  });

  it('finds nothing where no role word stands by a person', () => {
    expect(roles('Matthew Prince, who runs it, said so.', [PRINCE])).toEqual([]);
    expect(roles('because of Prince and the forum members', [['Prince', 'p', 'person']])).toEqual(
      [],
    );
  });

  it('takes its role words from the data file', () => {
    const lexicon = parseRoleLexicon('of-organization: chief_executive\ntitles: Sen.=Senator\n');
    expect(lexicon.roles.get('chief executive')).toBe('of');
    expect(lexicon.titles.get('Sen.')).toBe('Senator');
    expect('the Chief  Executive of'.match(lexicon.pattern)).toEqual(['Chief  Executive']);
  });
});
