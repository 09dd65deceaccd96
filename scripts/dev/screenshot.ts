#!/usr/bin/env node
/**
 * Screenshots of built pages in Debian's Chromium (playwright-core), for looking at
 * the site as a reader would and for the README:
 * `node scripts/dev/screenshot.ts <url> <out.png> [width] [light|dark]`.
 */
import { launchChromium } from './chromium.ts';

export async function screenshot(
  url: string,
  out: string,
  width = 1280,
  scheme: 'light' | 'dark' = 'light',
): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.screenshot({ path: out, fullPage: false });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, out, width, scheme] = process.argv.slice(2);
  if (!url || !out) {
    console.error('usage: node scripts/dev/screenshot.ts <url> <out.png> [width] [light|dark]');
    process.exit(2);
  }
  await screenshot(url, out, Number(width ?? 1280), scheme === 'dark' ? 'dark' : 'light');
}
