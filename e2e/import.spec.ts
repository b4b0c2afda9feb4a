import path from 'node:path';
import Papa from 'papaparse';
import { expect, fixturesDir, screenshot, test } from './fixtures/import-wizard';

// From spreadsheet to confirmed events: files of different encodings and shapes, bad rows fixed
// and skipped, and what the emulator received checked against the file.

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

test('a UTF-8 file with a BOM, CRLF line ends and quoted line breaks arrives intact', async ({
  wizard,
  emulator,
  page,
}) => {
  await wizard.choose(path.join(fixturesDir, 'import-bom-crlf.csv'));
  await expect(page.getByLabel('Text encoding')).toHaveValue('utf-8');
  await expect(page.getByText('marked in the file')).toBeVisible();
  await expect(page.getByLabel('Separator')).toHaveValue(',');
  await expect(page.getByRole('cell', { name: /First line/ })).toBeVisible();

  await wizard.toMapping();
  await expect(page.getByLabel('Event name', { exact: true })).toHaveValue('event_name');
  await expect(page.getByLabel('Timestamp', { exact: true })).toHaveValue('occurred_at');
  await expect(page.getByLabel('Customer ID', { exact: true })).toHaveValue('customer_id');
  await expect(page.getByLabel('Contact ID', { exact: true })).toHaveValue('contact_id');
  await expect(page.getByText('Guessed from the column name').first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'How the first timestamps are read' }),
  ).toContainText('2024-04-01T09:00:00Z');
  await wizard.button('Add all remaining columns as customer attributes').click();

  await wizard.toReview();
  await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText(
    '3 rows in the file',
  );
  await expect(page.getByRole('list', { name: 'Rows by outcome' })).toContainText(
    '3 ready to send',
  );
  await wizard.start();
  await wizard.expectComplete();

  const events = emulator.received.map((r) => r.event);
  expect(events).toHaveLength(3);
  expect(events[0]).toEqual({
    name: 'signup',
    timestamp: Date.UTC(2024, 3, 1, 9),
    identification: { customer: 'cus_1', contact: 'con_1' },
    data: {
      customer: { note: 'First line\r\nsecond line' },
      contact: { email: 'ann@example.com' },
    },
  });
  expect(events[1]?.data?.customer).toEqual({ note: 'She said "yes"\nthen left' });
  expect(events[2]).toMatchObject({
    identification: { customer: 'cus_3' },
    data: { customer: { note: 'Zoë Müller' } },
  });
});

test('a Windows-1252 file with semicolons and German headers is read and matched', async ({
  wizard,
  emulator,
  page,
}) => {
  await wizard.choose(path.join(fixturesDir, 'import-cp1252-semicolon.csv'));
  await expect(page.getByLabel('Text encoding')).toHaveValue('windows-1252');
  await expect(page.getByLabel('Separator')).toHaveValue(';');
  await expect(page.getByRole('cell', { name: 'Müller GmbH' })).toBeVisible();

  await wizard.toMapping();
  await expect(page.getByLabel('Customer ID', { exact: true })).toHaveValue('Kunde');
  await expect(page.getByLabel('Event name', { exact: true })).toHaveValue('Ereignis');
  await expect(page.getByLabel('Timestamp', { exact: true })).toHaveValue('Datum');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await expect(
    page.getByRole('table', { name: 'How the first timestamps are read' }),
  ).toContainText('2024-04-15T08:00:00Z');
  await wizard.button('Add all remaining columns as customer attributes').click();
  await page.getByLabel('Read as').last().selectOption('number');

  await wizard.toReview();
  await wizard.start();
  await wizard.expectComplete();

  const events = emulator.received.map((r) => r.event);
  expect(events.map((e) => e.identification.customer)).toEqual([
    'Müller GmbH',
    'Café Zoë',
    'Groß & Söhne',
  ]);
  expect(events[0]).toMatchObject({
    name: 'Bestellung',
    timestamp: Date.UTC(2024, 3, 15, 8),
    data: { customer: { e_mail: 'jürgen@müller.de', stadt: 'Köln', umsatz: 12.5 } },
  });
  expect(events[2]?.name).toBe('Kündigung');
});

test('bad rows: one fixed in place, the rest skipped; exactly the good and fixed rows arrive', async ({
  wizard,
  emulator,
  page,
}) => {
  await wizard.choose(path.join(fixturesDir, 'import-bad-rows.csv'));
  await wizard.toMapping();
  await page.getByLabel('Timestamp format').selectOption('iso8601');
  await wizard.toReview();

  const outcome = page.getByRole('list', { name: 'Rows by outcome' });
  await expect(outcome).toContainText('13 rows in the file');
  await expect(outcome).toContainText('9 ready to send');
  await expect(outcome).toContainText('4 cannot be sent as they are');
  const kinds = page.getByRole('list', { name: 'Problems by kind' });
  await expect(kinds).toContainText('3 rows: timestamp not understood');
  await expect(kinds).toContainText('1 row: required value missing');

  await page.getByLabel('Only rows with problems').check();
  await expect(wizard.grid).toHaveAttribute('aria-rowcount', '5');
  const badCell = wizard.grid.getByRole('gridcell', { name: /^yesterday/ });
  await expect(badCell).toHaveAttribute('aria-invalid', 'true');
  await expect(badCell).toHaveAttribute('title', /yesterday/);

  // Fix row 4 by keyboard: focus the cell, Enter to change it, type, Enter to keep it.
  await badCell.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'New value for occurred_at in row 4' });
  await editor.fill('2024-05-04T12:00:00Z');
  await editor.press('Enter');
  await expect(outcome).toContainText('10 ready to send');
  await expect(outcome).toContainText('1 changed by you');
  await expect(wizard.grid.getByRole('gridcell', { name: /^2024-05-04T12:00:00Z/ })).toBeVisible();

  await page.getByLabel('Skip all rows that cannot be sent').check();
  await expect(outcome).toContainText('3 skipped');

  const review = await wizard.download(wizard.button('Download rejected rows'));
  expect(rowsOf(review.text).map((r) => r['row'])).toEqual(['7', '9', '14']);

  await wizard.start();
  await wizard.expectComplete();
  const customers = emulator.received.map((r) => r.event.identification.customer);
  expect(customers.sort()).toEqual(
    [
      'cus_2',
      'cus_3',
      'cus_4',
      'cus_5',
      'cus_6',
      'cus_8',
      'cus_10',
      'cus_11',
      'cus_12',
      'cus_13',
    ].sort(),
  );
  const fixed = emulator.received.find((r) => r.event.identification.customer === 'cus_4');
  expect(fixed?.event.timestamp).toBe(Date.UTC(2024, 4, 4, 12));

  const report = await wizard.download(wizard.button('Download rejected rows'));
  const rejected = rowsOf(report.text);
  expect(rejected.map((r) => r['row'])).toEqual(['7', '9', '14']);
  expect(rejected[0]).toMatchObject({ occurred_at: 'soon', customer_id: 'cus_7' });
  expect(rejected[2]?.['error']).toMatch(/customer ID/i);
});

function rowsOf(csv: string): Record<string, string>[] {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test.describe('rows the server refuses', () => {
  test.use({
    emulatorOptions: {
      rejectEvent: (event) =>
        event.identification.customer === 'cus_3' ? 'This customer is archived.' : null,
    },
  });

  test('come back into the review with the server message, and only they are sent again', async ({
    wizard,
    emulator,
    page,
  }, testInfo) => {
    await wizard.choose(path.join(fixturesDir, 'import-bom-crlf.csv'));
    await wizard.toMapping();
    await wizard.toReview();
    await wizard.start();
    await wizard.expectComplete();
    expect(emulator.received).toHaveLength(2);
    await expect(page.getByText('The server refused 1 row.', { exact: false })).toBeVisible();
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `import-complete-refused-${scheme}`);
    }

    await wizard.button('Fix the refused rows').click();
    await expect(wizard.heading('Fix the rows the server refused')).toBeVisible();
    await expect(wizard.grid).toHaveAttribute('aria-rowcount', '2');
    await expect(
      wizard.grid.getByRole('gridcell', { name: /This customer is archived/ }),
    ).toBeVisible();
    await wizard.expectAccessible();
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `import-refused-${scheme}`);
    }

    emulator.setRejectEvent(null);
    await wizard.grid.getByRole('gridcell', { name: /^cus_3/ }).dblclick();
    const editor = page.getByRole('textbox', { name: 'New value for customer_id in row 4' });
    await editor.fill('cus_3_new');
    await editor.press('Enter');
    await wizard.button('Send these rows again').click();
    await wizard.expectComplete();
    expect(emulator.received.map((r) => r.event.identification.customer)).toEqual([
      'cus_1',
      'cus_2',
      'cus_3_new',
    ]);
  });
});
