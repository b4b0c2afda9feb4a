import path from 'node:path';
import { expect, fixturesDir, screenshot, test } from './fixtures/import-wizard';

// The file step on CSV shapes from real exports: which encoding was chosen
// and why for a Czech Excel file on a Czech computer, and the header row suggested below a bank
// statement's key;value preamble, applied in one click. Light and dark screenshots.

const exportsDir = path.join(fixturesDir, 'exports');

test.use({
  timezoneId: 'Europe/Prague',
  locale: 'en-GB',
  // The browser host reads this computer's locale from its environment, as the CLI does.
  hostEnv: { LANG: 'cs_CZ.UTF-8' },
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a Czech windows-1250 file says why it reads as Central European, ${scheme}`, async ({
    wizard,
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.choose(path.join(exportsDir, 'czech-contacts-windows-1250.csv'));
    await expect(page.getByText(/^Windows-1250 \(Central European\)$/).first()).toBeVisible();
    await expect(
      page.getByText(
        'the code page Excel writes on this computer; the file could also be windows-1252 (Western European)',
      ),
    ).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Účet ověřen' })).toBeVisible();
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-file-encoding-${scheme}`);
  });

  test(`a bank export's header row is suggested below its preamble, ${scheme}`, async ({
    wizard,
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 1150 });
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.choose(path.join(exportsDir, 'german-bank-preamble.csv'));
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Row 14 looks like the column names' });
    await expect(notice).toContainText('the rows above it look like a title or notes.');
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-file-header-suggestion-${scheme}`);

    await wizard.button('Use row 14').click();
    await expect(page.getByLabel('Column names are in row')).toHaveValue('14');
    await expect(page.getByRole('columnheader', { name: 'Buchungstag' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Bäckerei Größl' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
}
