import { describe, expect, it } from 'vitest';
import { escapeExcerpt } from '../src/lib/search-ui.ts';

describe('escapeExcerpt', () => {
  it('keeps Pagefind highlights and turns everything else into text', () => {
    expect(escapeExcerpt('Ada <mark>Quill</mark> wrote <img src=x onerror="x()"> & more')).toBe(
      'Ada <mark>Quill</mark> wrote &lt;img src=x onerror=&quot;x()&quot;&gt; &amp; more',
    );
  });
});
