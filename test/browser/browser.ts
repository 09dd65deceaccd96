/** The browser tests use the project's one Chromium launcher. */
export { CHROMIUM_ARGS, launchChromium } from '../../scripts/chromium.ts';
