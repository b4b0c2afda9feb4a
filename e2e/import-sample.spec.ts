import { expect, screenshot, test, writeLoginsCsv } from './fixtures/import-wizard';

// "Send a sample first": the first few events, what the server did with them and where to look,
// then the rest of the same import: every event exactly once.

function customers(received: readonly { event: { identification: { customer: string } } }[]) {
  return received.map((r) => r.event.identification.customer);
}

test('a sample of 5, a look, then the other 295: every event once', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 300, 'logins.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  const size = page.getByRole('spinbutton', { name: 'Sample of' });
  await expect(size).toHaveValue('5');
  await size.fill('7');
  await size.fill('5');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'Send a sample first' }).scrollIntoViewIfNeeded();
    await page.screenshot({
      path: testInfo.outputPath(`import-sample-review-${scheme}.png`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await wizard.button('Send a sample first').click();

  await expect(wizard.heading('Sample sent')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status')).toHaveText(
    'The server accepted all 5 events of the sample.',
  );
  await expect(
    page.getByText(/^Check them in Customerscore: open the event history of/),
  ).toHaveText(
    'Check them in Customerscore: open the event history of cus_0, cus_1, cus_2, cus_3 and cus_4.',
  );
  expect(customers(emulator.received)).toEqual(['cus_0', 'cus_1', 'cus_2', 'cus_3', 'cus_4']);
  await wizard.expectAccessible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `import-sample-sent-${scheme}`);
  }

  await wizard.button('Send the other 295').click();
  await wizard.expectComplete();
  const sent = customers(emulator.received);
  expect(sent).toHaveLength(300);
  expect(new Set(sent).size).toBe(300);
});

test('back to the mapping after a sample: a new start skips the sample, already sent', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 40, 'logins-back.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.button('Send a sample first').click();
  await expect(wizard.heading('Sample sent')).toBeVisible({ timeout: 30_000 });
  await wizard.button('Back to the mapping').click();
  await wizard.toReview();
  await expect(page.getByRole('group', { name: 'Events sent before' })).toContainText(
    /^5 of these events were already sent/,
  );
  await wizard.start();
  await wizard.expectComplete();
  expect(new Set(customers(emulator.received)).size).toBe(40);
  expect(emulator.received).toHaveLength(40);
});
