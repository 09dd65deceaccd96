import { describe, expect, it } from 'vitest';
import { escapeExcerpt } from '../src/lib/search-ui.ts';

describe('escapeExcerpt', () => {
  it('keeps highlights and escaped text as they are, and turns any other tag into text', () => {
    expect(escapeExcerpt('Ada <mark>Quill</mark> wrote &lt;b&gt; AT&amp;T')).toBe(
      'Ada <mark>Quill</mark> wrote &lt;b&gt; AT&amp;T',
    );
    expect(escapeExcerpt('x <img src=x onerror="x()"> <mark>y</mark>')).toBe(
      'x &lt;img src=x onerror="x()"> <mark>y</mark>',
    );
  });
});
