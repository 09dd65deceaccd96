/** `kb check` on the real build of the seed content, and on a site with a broken promise. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkDataContract, checkLinks, checkPermanence } from '../../scripts/cli/check.ts';

const dist = inject('siteDir');

/** A ledger that has published Matthew Prince's page. */
function writeLedgerOfPrince(file: string): void {
  const entry = {
    id: 'person/matthew-prince',
    name: 'Matthew Prince',
    type: 'person',
    articles: [],
  };
  writeFileSync(file, JSON.stringify({ schema: 1, urls: { 'people/matthew-prince/': entry } }));
}

describe('kb check', () => {
  it('passes the data contract, permanence and links on the seed build', async () => {
    const ledger = join(mkdtempSync(join(tmpdir(), 'dossier-check-')), 'published.json');
    writeLedgerOfPrince(ledger);
    expect(checkDataContract(dist).failures).toEqual([]);
    expect(checkPermanence(dist, ledger).failures).toEqual([]);
    expect((await checkLinks(dist, '/')).failures).toEqual([]);
  });

  it('names a published URL that would disappear and a link that is broken', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'dossier-check-'));
    cpSync(dist, copy, { recursive: true });
    rmSync(join(copy, 'people/matthew-prince'), { recursive: true });
    const ledger = join(copy, 'published.json');
    writeLedgerOfPrince(ledger);
    expect(checkPermanence(copy, ledger).failures).toEqual([
      expect.stringMatching(/^\/people\/matthew-prince\/ was published but the build has no page/),
    ]);
    const links = await checkLinks(copy, '/');
    expect(links.failures).toContainEqual(
      expect.stringMatching(/^\/people\/matthew-prince\/ \(linked from /),
    );
    rmSync(copy, { recursive: true, force: true });
  });
});
