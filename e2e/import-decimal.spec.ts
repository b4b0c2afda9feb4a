import path from 'node:path';
import { expect, fixturesDir, screenshot, test } from './fixtures/import-wizard';
import { choose, expectChoice, selectField } from './support/select-field';

// A Czech CRM export (windows-1250, e2e/fixtures/exports/make-exports.ts): amounts like
// "1 234,56", yes/no as ano/ne, dates like "3. 12. 2026 14:05". The mapping step offers the decimal
// mark and says which the import chose; what arrives is the numbers the file shows.

test.use({ timezoneId: 'Europe/Prague', locale: 'cs-CZ' });

const CZECH = path.join(fixturesDir, 'exports', 'czech-crm-windows-1250.csv');

for (const scheme of ['light', 'dark'] as const) {
  test(`a Czech export's amounts are read with the decimal comma, ${scheme} mode`, async ({
    wizard,
    emulator,
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.choose(CZECH);
    await wizard.toMapping();
    await choose(page, selectField(page, 'Event name'), 'Událost');
    await choose(page, selectField(page, 'Timestamp'), 'Datum');
    await choose(page, selectField(page, 'Customer ID'), 'E-mail');
    await wizard.button('Add all remaining columns as customer attributes').click();

    // Částka holds amounts, Aktivní ano/ne: read as Number and Yes/No without being told.
    const decimal = selectField(page, 'Decimal mark');
    await expect(decimal).toHaveCount(1);
    await expectChoice(page, 'Decimal mark', 'Automatic');
    await expect(
      page.getByText(
        'Automatic: comma (1 234,56), because of values like "1 234,56". From the first rows',
      ),
    ).toBeVisible();
    await wizard.expectAccessible();
    // The row below the choice in view, so the choice and its note are in the picture.
    await page.getByText('For example: ano, ne').scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `import-decimal-mark-${scheme}`);
    await decimal.click();
    await expect(page.getByRole('option', { name: 'Point (1,234.56)' })).toBeVisible();
    await expect(page.getByRole('option', { name: 'Comma (1 234,56)' })).toBeVisible();
    await page.keyboard.press('Escape');

    await wizard.toReview();
    await expect(page.getByText('4 rows', { exact: false }).first()).toBeVisible();
    // Back on the mapping step, the mark is the one the main process decided from every row.
    await wizard.button('Back').click();
    await expect(
      page.getByText(
        'Automatic: comma (1 234,56), because of values like "1 234,56". Decided from the whole file.',
      ),
    ).toBeVisible();
    await wizard.toReview();
    await wizard.start();
    await wizard.expectComplete();

    const events = emulator.received.map((r) => r.event);
    expect(events.map((event) => event.data?.customer)).toEqual([
      expect.objectContaining({ castka: 1234.56, aktivni: true }),
      expect.objectContaining({ castka: 12.5, aktivni: false }),
      expect.objectContaining({ castka: 2999, aktivni: true }),
      expect.objectContaining({ castka: 0.99, aktivni: false }),
    ]);
    expect(events[0]?.timestamp).toBe(Date.UTC(2026, 11, 3, 13, 5));
  });
}
