import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenNames } from './pages/app-frame';
import type { ScreenName } from './pages/app-frame';
import { expect, fixturesDir, test } from './fixtures/import-wizard';

// A visual smoke test in every run; with UPDATE_SCREENSHOTS=1 it refreshes the PNGs in the docs.
const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

const fileSlugs: Record<ScreenName, string> = {
  'Send event': 'send',
  Import: 'import',
  History: 'history',
  Settings: 'settings',
};

// Each screen marks its content `data-state="ready"` once its first data load has answered; a
// picture taken before that shows "Loading…" or a screen without its data.
const readySignals: Record<ScreenName, string> = {
  'Send event': '.se-screen[data-state="ready"]',
  Import: '.im-wizard[data-state="ready"]',
  History: '.hi-section[data-state="ready"]',
  Settings: '.st-settings[data-state="ready"]',
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen renders in ${colorScheme} mode`, async ({
    page,
    wizard,
    consoleErrors,
  }, testInfo) => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.emulateMedia({ colorScheme });
    // One small import first (a profile with its keys, against the emulator), so that the screens
    // show an app in use: History lists the import, Send event a complete profile.
    await wizard.choose(path.join(fixturesDir, 'import-bom-crlf.csv'));
    await wizard.toMapping();
    await wizard.toReview();
    await wizard.start();
    await wizard.expectComplete();
    await wizard.button('Import another file').click();
    await expect(wizard.heading('Choose a file')).toBeVisible();

    for (const name of screenNames) {
      await wizard.app.navItem(name).click();
      await wizard.app.expectScreen(name);
      await expect(page.locator(readySignals[name])).toBeVisible();
      const fileName = `frame-${fileSlugs[name]}-${colorScheme}.png`;
      const file = updateDocs
        ? fileURLToPath(new URL(fileName, docsDir))
        : testInfo.outputPath(fileName);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    }
    expect(consoleErrors).toEqual([]);
  });
}
