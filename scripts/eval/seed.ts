/**
 * The seed story against the team's gold list (`test/fixtures/seed/gold.json`): every
 * required person, organization, site and campaign has exactly one page of the right
 * type with its variants merged into it, and no page exists for a non-entity.
 */
import { readFileSync } from 'node:fs';
import { fingerprint, squashedKey } from '../resolve/name-keys.ts';
import type { KnowledgeBase } from '../core/schema.ts';

export interface GoldEntity {
  type: string;
  name: string;
  forms: string[];
}

export interface SeedReport {
  required: number;
  correct: string[];
  missing: string[];
  wrongType: string[];
  split: string[];
  /** Gold forms that did not end up on the entity's page. */
  unmerged: string[];
  /** Pages that match no gold entity. */
  extra: string[];
}

export function readSeedGold(file: string): { required: GoldEntity[]; optional: GoldEntity[] } {
  return JSON.parse(readFileSync(file, 'utf8')) as {
    required: GoldEntity[];
    optional: GoldEntity[];
  };
}

const keys = (name: string) => [squashedKey(name), fingerprint(name)];

/** Scores the entities of a knowledge base against the gold list. */
export function scoreSeed(
  kb: KnowledgeBase,
  gold: { required: GoldEntity[]; optional: GoldEntity[] },
): SeedReport {
  const report: SeedReport = {
    required: gold.required.length,
    correct: [],
    missing: [],
    wrongType: [],
    split: [],
    unmerged: [],
    extra: [],
  };
  const claimed = new Set<string>();
  for (const [required, list] of [
    [true, gold.required],
    [false, gold.optional],
  ] as const) {
    for (const g of list) {
      const goldKeys = new Set(g.forms.flatMap(keys));
      const pages = kb.entities.filter((e) =>
        [e.name, ...e.aliases].some((n) => keys(n).some((k) => goldKeys.has(k))),
      );
      pages.forEach((p) => claimed.add(p.id));
      if (!pages.length) {
        if (required) report.missing.push(`${g.type} ${g.name}`);
        continue;
      }
      if (pages.length > 1) report.split.push(`${g.name} → ${pages.map((p) => p.id).join(', ')}`);
      else if (pages[0]!.type !== g.type)
        report.wrongType.push(`${g.name}: ${pages[0]!.type}, not ${g.type}`);
      else if (required) report.correct.push(g.name);
      if (pages.length === 1) {
        const onPage = new Set([pages[0]!.name, ...pages[0]!.aliases].flatMap(keys));
        const forms = new Set(pages[0]!.mentions.map((m) => m.text).flatMap(keys));
        for (const form of g.forms)
          if (!keys(form).some((k) => onPage.has(k) || forms.has(k)))
            report.unmerged.push(`${g.name}: "${form}"`);
      }
    }
  }
  report.extra = kb.entities.filter((e) => !claimed.has(e.id)).map((e) => `${e.id} (${e.name})`);
  return report;
}
