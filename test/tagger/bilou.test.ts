import { describe, expect, it } from 'vitest';
import {
  LABEL_NAMES,
  canEnd,
  decodeBilou,
  encodeBilou,
  isAllowed,
  spansFromIob,
  type TokenSpan,
} from '../../scripts/tagger/labels.ts';

describe('BILOU codec', () => {
  const spans: TokenSpan[] = [
    { start: 0, end: 1, type: 'ORG' },
    { start: 2, end: 4, type: 'PER' },
    { start: 5, end: 8, type: 'LOC' },
    { start: 8, end: 9, type: 'MISC' },
  ];

  it('round-trips spans through labels', () => {
    const labels = encodeBilou(spans, 10);
    expect(Array.from(labels, (label) => LABEL_NAMES[label])).toEqual([
      'U-ORG',
      'O',
      'B-PER',
      'L-PER',
      'O',
      'B-LOC',
      'I-LOC',
      'L-LOC',
      'U-MISC',
      'O',
    ]);
    expect(decodeBilou(labels)).toEqual(spans);
  });

  it('reads IOB2 tags, splitting adjacent names of one type at B-', () => {
    expect(spansFromIob(['B-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });

  it('closes a span left open by an invalid sequence', () => {
    const b = LABEL_NAMES.indexOf('B-ORG');
    const i = LABEL_NAMES.indexOf('I-ORG');
    expect(decodeBilou([b, i])).toEqual([{ start: 0, end: 2, type: 'ORG' }]);
  });

  it('allows only well-formed transitions', () => {
    const id = (name: string): number => LABEL_NAMES.indexOf(name);
    expect(isAllowed(-1, id('B-PER'))).toBe(true);
    expect(isAllowed(-1, id('I-PER'))).toBe(false);
    expect(isAllowed(id('B-PER'), id('L-PER'))).toBe(true);
    expect(isAllowed(id('B-PER'), id('L-ORG'))).toBe(false);
    expect(isAllowed(id('B-PER'), id('O'))).toBe(false);
    expect(isAllowed(id('L-PER'), id('U-LOC'))).toBe(true);
    expect(canEnd(id('I-LOC'))).toBe(false);
    expect(canEnd(id('U-LOC'))).toBe(true);
  });
});
