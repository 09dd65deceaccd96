/** The seed story against the team's gold list, on the real build (issue 3's seed criterion). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readSeedGold, scoreSeed } from '../../scripts/eval/seed.ts';
import { KnowledgeBaseSchema } from '../../scripts/core/schema.ts';

const kb = KnowledgeBaseSchema.parse(
  JSON.parse(readFileSync(join(inject('siteDir'), 'data/kb.json'), 'utf8')),
);
const report = scoreSeed(
  kb,
  readSeedGold(new URL('../fixtures/seed/gold.json', import.meta.url).pathname),
);

describe('seed story entities', () => {
  it('gives no entity the wrong type and splits none over two pages', () => {
    expect(report.wrongType).toEqual([]);
    expect(report.split).toEqual([]);
  });
  it('makes no page for something that is not an entity', () => {
    expect(report.extra).toEqual([]);
  });
  it('gives every required person, organization, site and campaign exactly one page of its type', () => {
    expect(report.missing).toEqual([]);
    expect(report.correct).toHaveLength(report.required);
  });
});
