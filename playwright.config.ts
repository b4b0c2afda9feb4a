import { defineConfig } from '@playwright/test';
import { findE2eBrowser } from './e2e/support/e2e-browser';

// Every test drives the browser that e2e/support/find-browser.ts finds: CHROMIUM_PATH, Playwright's
// own Chromium, else a system Chrome, Chromium or Edge (on CI, Debian's Chromium: browsers cannot be
// downloaded there). With none, `npm run test:e2e` stops before Playwright (scripts/check-browser.ts);
// Playwright itself does not check, because the Electron specs (e2e/electron) need no browser and
// CI runs them alone on machines that may have none. The flags keep it off the network and quiet
// (no sync, component updates or first-run pages).
const browser = findE2eBrowser();
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  reporter: 'list',
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1200, height: 800 },
    launchOptions: {
      ...(browser.found ? { executablePath: browser.path } : {}),
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
