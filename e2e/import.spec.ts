import path from 'node:path';
import Papa from 'papaparse';
import { expect, fixturesDir, screenshot, test } from './fixtures/import-wizard';
import { choose, expectChoice, selectField } from './support/select-field';

// From spreadsheet to confirmed events: files of different encodings and shapes, bad rows fixed
// and skipped, and what the emulator received checked against the file.

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

test('a UTF-8 file with a BOM, CRLF line ends and quoted line breaks arrives intact', async ({
  wizard,
  emulator,
  page,
}) => {
  await wizard.choose(path.join(fixturesDir, 'import-bom-crlf.csv'));
  await expectChoice(page, 'Text encoding', 'UTF-8 (Unicode)');
  await expect(page.getByText('marked in the file')).toBeVisible();
  await expectChoice(page, 'Separator', 'Comma ( , )');
  await expect(page.getByRole('cell', { name: /First line/ })).toBeVisible();

  await wizard.toMapping();
  await expectChoice(page, 'Event name', 'event_name');
  await expectChoice(page, 'Timestamp', 'occurred_at');
  await expectChoice(page, 'Customer ID', 'customer_id');
  await expectChoice(page, 'Contact ID', 'contact_id');
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
  await expectChoice(page, 'Text encoding', 'Windows-1252 (Western European, Excel on Windows)');
  await expectChoice(page, 'Separator', 'Semicolon ( ; )');
  await expect(page.getByRole('cell', { name: 'Müller GmbH' })).toBeVisible();

  await wizard.toMapping();
  await expectChoice(page, 'Customer ID', 'Kunde');
  await expectChoice(page, 'Event name', 'Ereignis');
  await expectChoice(page, 'Timestamp', 'Datum');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await expect(
    page.getByRole('table', { name: 'How the first timestamps are read' }),
  ).toContainText('2024-04-15T08:00:00Z');
  await wizard.button('Add all remaining columns as customer attributes').click();
  await choose(page, selectField(page, 'Read as').last(), 'Number');

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
  await choose(page, selectField(page, 'Timestamp format'), 'ISO 8601 (2024-04-01T12:00:00Z)');
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

test('a file dropped on the drop zone opens as a chosen one does', async ({ wizard, page }) => {
  await expect(wizard.fileInput).toBeVisible();
  // A drop from the desktop carries a file-system entry per file; one made in the page has none,
  // so the test stands one in. (A string: e2e/ is typed for Node, without the DOM.)
  const dataTransfer = await page.evaluateHandle(`(() => {
    DataTransferItem.prototype.webkitGetAsEntry = function () {
      return this.kind === 'file' ? { isFile: true } : null;
    };
    const data = new DataTransfer();
    const csv = 'event_name,occurred_at,customer_id\\nlogin,2024-05-02T12:00:00Z,cus_1\\n';
    data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    return data;
  })()`);
  // The zone's drop button is visually hidden; the drag events reach the zone around it.
  const zone = page.getByRole('button', { name: 'Drop a file to import' });
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await zone.dispatchEvent(type, { dataTransfer });
  }
  await expect(page.getByRole('heading', { level: 3, name: 'dropped.csv' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'cus_1' })).toBeVisible();
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
