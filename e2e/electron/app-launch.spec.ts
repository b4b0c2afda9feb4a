import { expect, test } from '@playwright/test';
import { AppFramePage } from '../pages/app-frame';
import { electronBinary, launchApp } from './electron-app';

test.skip(electronBinary === null, 'skipped: no Electron binary');

// Playwright reads a test's fixtures from its destructuring pattern; this test needs none.
// eslint-disable-next-line no-empty-pattern
test('the built app opens its window and navigates between screens', async ({}, testInfo) => {
  const launched = await launchApp(testInfo.outputPath('electron'));
  try {
    const frame = new AppFramePage(launched.window);
    await expect(frame.root).toHaveAttribute('data-state', 'ready');
    await expect(launched.window).toHaveTitle(/Customerscore Importer/);
    await frame.expectScreen('Send event');

    await frame.navItem('Import').click();
    await frame.expectScreen('Import');
    await frame.navItem('Settings').click();
    await frame.expectScreen('Settings');
  } finally {
    await launched.close();
  }
});
