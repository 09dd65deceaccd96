/**
 * Rendering in several processes (`scripts/astro/shards.ts`): the seed site rendered by
 * three processes, so that some route lists have fewer pages than processes, is the
 * site one process renders, byte for byte (pages, assets, the Pagefind index, the
 * service worker), and no render folder is left behind.
 */
import { describe, expect, inject, it } from 'vitest';
import { buildTestSite } from '../global-setup.ts';
import { expectSameSite, renderLeftovers, workFolder } from './helpers.ts';

const single = inject('siteDir');
const work = workFolder('dossier-shards-');

describe('rendering in several processes', () => {
  it('gives the same site as one process', () => {
    const before = renderLeftovers();
    // As test/global-setup.ts builds the site the other tests read, with three processes.
    const dist = buildTestSite(work, { KB_RENDER_SHARDS: '3' });
    const names = expectSameSite(dist, single);
    expect(names.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(20);
    expect(renderLeftovers()).toEqual(before);
  }, 120_000);
});
