import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { expect, test } from '@playwright/test';
import { AppFramePage } from '../pages/app-frame';
import { electronPackageDir, findElectronBinary } from '../support/electron-binary';

const electronBinary = findElectronBinary(electronPackageDir());
const mainEntry = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

test.skip(electronBinary === null, 'skipped: no Electron binary');

// Playwright reads a test's fixtures from its destructuring pattern; this test needs none.
// eslint-disable-next-line no-empty-pattern
test('the built app opens its window and navigates between screens', async ({}, testInfo) => {
  const app = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    args: [mainEntry],
    artifactsDir: testInfo.outputPath('electron'),
  });
  try {
    const window = await app.firstWindow();
    const frame = new AppFramePage(window);
    await expect(frame.root).toHaveAttribute('data-state', 'ready');
    await expect(window).toHaveTitle(/Customerscore Importer/);
    await frame.expectScreen('Send event');

    await frame.navItem('Import').click();
    await frame.expectScreen('Import');
    await frame.navItem('Settings').click();
    await frame.expectScreen('Settings');
  } finally {
    await app.close();
  }
});
