import { describe, expect, it } from 'vitest';
import { evaluatePolnear, hasPolnear } from '../../scripts/eval/polnear.ts';

// PolNeAR is read from ../shared/corpora when present; it is never part of the repository.
describe.skipIf(!hasPolnear())('quote speakers on PolNeAR dev', () => {
  it('attributes at least 85% of the direct quotes it finds to the right speaker', async () => {
    const result = await evaluatePolnear({ split: 'dev' });
    expect(result.found / result.quotes).toBeGreaterThan(0.9);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
  });
});

if (!hasPolnear())
  console.log('PolNeAR corpus absent (../shared/corpora/polnear): skipping its test.');
