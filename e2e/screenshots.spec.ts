import { fileURLToPath } from 'node:url';
import { AppFramePage, screenNames } from './pages/app-frame';
import type { ScreenName } from './pages/app-frame';
import { expect, test } from './support/browser-host';

// A visual smoke test in every run; with UPDATE_SCREENSHOTS=1 it refreshes the PNGs in the docs.
const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

const fileSlugs: Record<ScreenName, string> = {
  'Send event': 'send',
  Import: 'import',
  History: 'history',
  Settings: 'settings',
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen renders in ${colorScheme} mode`, async ({
    page,
    host,
    consoleErrors,
  }, testInfo) => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.emulateMedia({ colorScheme });
    const app = new AppFramePage(page);
    await app.open(host.url);

    for (const name of screenNames) {
      await app.navItem(name).click();
      await app.expectScreen(name);
      const fileName = `frame-${fileSlugs[name]}-${colorScheme}.png`;
      const path = updateDocs
        ? fileURLToPath(new URL(fileName, docsDir))
        : testInfo.outputPath(fileName);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    }
    expect(consoleErrors).toEqual([]);
  });
}
