/**
 * axe-core in a page: every rule it runs by default plus WCAG 2.2's target size,
 * evaluated through the debugging protocol, which the page's security policy (no inline
 * script) does not apply to. One line per violation, with the elements and why.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    return (await axe.run(document, { rules: { 'target-size': { enabled: true } } }))
      .violations as AxeViolation[];
  });
  return found.map(
    (v) =>
      `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join('; ')}`,
  );
}
