import { describe, expect, it } from 'vitest';
import { alignSentences, sameWording } from '../../scripts/stories/align.ts';

describe('alignSentences', () => {
  const first = [
    { key: 'a1', text: 'Sorrenti fled to Northern Ireland late last month.' },
    {
      key: 'a2',
      text: 'Forum users had doxed Sorrenti and her family, and last month called false crime reports to lure police to her home in “crushing” attacks.',
    },
  ];
  const second = [
    {
      key: 'b1',
      text: 'Forum users had repeatedly "doxed" Sorrenti and her family, and last month they filed false crime reports to get police to her home in "swatting" attacks.',
    },
    { key: 'b2', text: 'Sorrenti ran away to Northern Ireland at the end of last month.' },
    { key: 'b3', text: 'The main office of Cloudflare is in San Francisco.' },
  ];

  it('pairs each sentence with the one that words the same statement', () => {
    const aligned = alignSentences(second, first);
    expect(aligned.get('b1')!.key).toBe('a2');
    expect(aligned.get('b2')!.key).toBe('a1');
    expect(aligned.has('b3')).toBe(false);
    expect(aligned.get('b1')!.score).toBeGreaterThan(0.5);
  });

  it('compares wording without case, spacing or punctuation', () => {
    expect(sameWording('Prince said  so.', 'prince said so')).toBe(true);
    expect(sameWording('“crushing” attacks', '"swatting" attacks')).toBe(false);
  });
});
