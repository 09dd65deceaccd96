#!/usr/bin/env node
/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) of built pages, run
 * against Debian's Chromium with the browser tests' flags; nothing is downloaded.
 * Too heavy for `npm test`: run it by hand against a served build.
 *
 * `node scripts/dev/lighthouse.ts [base-url] [path…]` (default `http://127.0.0.1:4430/`, the
 * home, an entity and an article page). Prints one line per page; exits 1 if any score
 * is under 95.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../test/browser/browser.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const DEFAULT_PATHS = ['', 'people/matthew-prince/', 'articles/cloudflare-abandons-kiwifarms/'];
const PORT = 9333;
export const MINIMUM = 95;

/** Starts Chromium with a debugging port for Lighthouse to drive; returns a stop function. */
async function startChromium(): Promise<() => void> {
  const profile = mkdtempSync(join(tmpdir(), 'dossier-lh-'));
  const chrome = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, `--remote-debugging-port=${PORT}`, `--user-data-dir=${profile}`],
    { stdio: 'ignore' },
  );
  // Ready when the debugging endpoint answers.
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/json/version`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return () => {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  };
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

/** The four scores of one page, 0–100, and the audits that cost points. */
export async function scores(url: string): Promise<{ scores: Scores; failing: string[] }> {
  const result = await lighthouse(url, {
    port: PORT,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const failing = CATEGORIES.flatMap((c) =>
    (categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `${c}: ${ref.id} (${audits[ref.id]?.title})`),
  );
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
    ) as Scores,
    failing,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = 'http://127.0.0.1:4430/', ...paths] = process.argv.slice(2);
  const stop = await startChromium();
  let low = false;
  try {
    for (const path of paths.length ? paths : DEFAULT_PATHS) {
      const url = new URL(path, base).href;
      const { scores: s, failing } = await scores(url);
      low ||= Object.values(s).some((v) => v < MINIMUM);
      for (const line of failing) console.log(`  ${line}`);
      console.log(
        `${url}  performance ${s.performance}  accessibility ${s.accessibility}  best-practices ${s['best-practices']}  seo ${s.seo}`,
      );
    }
  } finally {
    stop();
  }
  process.exit(low ? 1 : 0);
}
