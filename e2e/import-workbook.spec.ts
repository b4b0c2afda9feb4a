import path from 'node:path';
import { expect, fixturesDir, screenshot, test } from './fixtures/import-wizard';
import { expectChoice, selectField } from './support/select-field';

// Excel workbooks on the Import screen: the sheet picker (hidden sheets marked, the first
// visible one the default) and date cells that need no timestamp format.

const workbooks = path.join(fixturesDir, 'workbooks');

test.use({ timezoneId: 'Europe/Prague', locale: 'cs-CZ' });

for (const scheme of ['light', 'dark'] as const) {
  test(`a workbook's sheets are picked by name, ${scheme} mode`, async ({
    wizard,
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.choose(path.join(workbooks, 'three-sheets.xlsx'));
    await expectChoice(page, 'Sheet', 'Kontakty (3 rows with the header)');
    await expect(page.getByText('the first visible of 3 sheets')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Jiří Šťastný' })).toBeVisible();
    // Encoding and separator belong to text files only.
    await expect(page.getByText('Text encoding')).toHaveCount(0);

    await selectField(page, 'Sheet').click();
    const options = page.getByRole('option');
    await expect(options).toHaveText([
      'Nastavení (2 rows with the header, hidden)',
      'Kontakty (3 rows with the header)',
      'Objednávky (6 rows with the header)',
    ]);
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-sheet-picker-${scheme}`);
    await page.getByRole('option', { name: /^Objednávky/ }).click();

    await expectChoice(page, 'Sheet', 'Objednávky (6 rows with the header)');
    await expect(page.getByText('chosen by you')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'OBJ-005' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Částka' })).toBeVisible();
  });

  test(`date cells become timestamps with no format to choose, ${scheme} mode`, async ({
    wizard,
    emulator,
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.choose(path.join(workbooks, 'date-1904.xlsx'));
    await expectChoice(page, 'Sheet', 'Events (3 rows with the header)');
    await wizard.toMapping();
    await expectChoice(page, 'Timestamp', 'occurred_at');
    await expect(page.getByRole('note')).toContainText('Date cells: each is read as the date');
    await expect(
      page.getByRole('table', { name: 'How the first timestamps are read' }),
    ).toContainText('2024-03-05T14:30:00');
    await wizard.button('Add all remaining columns as customer attributes').click();
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-workbook-map-${scheme}`);

    await wizard.toReview();
    // Row 3's date cell shows 31.12.1999, before the oldest time the app sends (2000).
    await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText(
      '1 ready to send',
    );
    await wizard.start();
    await wizard.expectComplete();
    const events = emulator.received.map((r) => r.event);
    // 1904-system serials, shown as Prague wall clocks: 14:30 in March is 13:30 UTC.
    expect(events).toEqual([
      {
        name: 'signed_up',
        timestamp: Date.UTC(2024, 2, 5, 13, 30),
        identification: { customer: 'cus_1' },
        data: { customer: { day: '2024-03-05' } },
      },
    ]);
  });
}
