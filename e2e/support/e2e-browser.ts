import { statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findBrowser, type BrowserFound } from './find-browser';

/** The browser for the end-to-end tests on this machine (see find-browser.ts for the order). */
export function findE2eBrowser(env: NodeJS.ProcessEnv = process.env): BrowserFound {
  return findBrowser({
    env,
    platform: process.platform,
    isFile: (candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false,
    // A path where Playwright would have installed its Chromium; the finder checks it is there.
    playwrightChromium: () => chromium.executablePath() || null,
  });
}
