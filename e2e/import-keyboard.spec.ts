import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, fixturesDir, test } from './fixtures/import-wizard';
import { expectChoice, selectField } from './support/select-field';

// The whole wizard by keyboard alone: Tab to each control, Space and Enter to use it, the arrows
// in the review table, Enter to change a cell.

/** Presses Tab until `target` has the focus (it must be reachable in the tab order). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

test('every step of the import works by keyboard', async ({ wizard, emulator, page }) => {
  await tabTo(page, wizard.fileInput);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Space'),
  ]);
  await chooser.setFiles(path.join(fixturesDir, 'import-bad-rows.csv'));
  await expect(page.getByRole('heading', { level: 3, name: 'import-bad-rows.csv' })).toBeVisible();

  await tabTo(page, wizard.button('Next: match columns'));
  await page.keyboard.press('Enter');
  await expect(wizard.heading(/^Match the columns/)).toBeVisible();
  await tabTo(page, selectField(page, 'Timestamp format'));
  await page.keyboard.press('ArrowDown'); // opens the list on the choice, "Detect"
  await page.keyboard.press('ArrowDown'); // -> "ISO 8601"
  await page.keyboard.press('Enter');
  await expectChoice(page, 'Timestamp format', 'ISO 8601 (2024-04-01T12:00:00Z)');
  await tabTo(page, wizard.button('Next: check all rows'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText(
    '9 ready to send',
  );

  // Into the table: its first data cell holds the focus; arrows move it; Enter changes a cell.
  await tabTo(page, wizard.grid.locator('[tabindex="0"]'));
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight'); // Row, Skip, Problems, event -> occurred_at
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // row 4
  await expect(page.locator(':focus')).toHaveText(/^yesterday/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2024-05-04T12:00:00Z');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText(
    '10 ready to send',
  );

  await tabTo(page, page.getByLabel('Skip all rows that cannot be sent'));
  await page.keyboard.press('Space');
  await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText('3 skipped');
  await tabTo(page, wizard.button('Start import'));
  await page.keyboard.press('Enter');
  await wizard.expectComplete();
  expect(emulator.received).toHaveLength(10);

  await tabTo(page, wizard.button('Import another file'));
  await page.keyboard.press('Enter');
  await expect(wizard.heading('Choose a file')).toBeVisible();
});
