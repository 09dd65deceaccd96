/** The browser tests use the project's one Chromium launcher. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/dev/chromium.ts';

export { CHROMIUM_ARGS, launchChromium } from '../../scripts/dev/chromium.ts';

/** One Chromium page for a test file: opened before its tests, closed after them. */
export function useBrowserPage(options?: BrowserContextOptions): { readonly page: Page } {
  let browser: Browser | undefined;
  const session = {} as { page: Page };
  beforeAll(async () => {
    browser = await launchChromium();
    session.page = await browser.newPage(options);
  });
  afterAll(async () => browser?.close());
  return session;
}
