import { expect, test, writeLoginsCsv } from './fixtures/import-wizard';

// Following an upload: pause and resume, a storm of 429 answers told in words, and cancel.

test.use({ profileRate: { requests: 4, perSeconds: 1 } });

function customers(received: readonly { event: { identification: { customer: string } } }[]) {
  return received.map((r) => r.event.identification.customer);
}

test('pause and resume: the upload stops, then finishes with every event once', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 2000, 'pause.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.start();
  await expect(wizard.progress).toHaveAttribute(
    'aria-valuetext',
    /^[1-9][\d,]* of 2,000 events sent/,
  );

  await wizard.button('Pause').click();
  await expect(page.getByRole('status').filter({ hasText: /^Paused/ })).toBeVisible();
  expect(emulator.received.length).toBeLessThan(2000);

  await wizard.button('Resume').click();
  await wizard.expectComplete();
  await expect(page.getByRole('status').filter({ hasText: /2,000 events sent\./ })).toBeVisible();
  const sent = customers(emulator.received);
  expect(sent).toHaveLength(2000);
  expect(new Set(sent).size).toBe(2000);
});

test('a storm of 429 answers is shown in words, and the upload goes on after it', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 300, 'storm.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  emulator.startStorm({ forRequests: 3, retryAfterSeconds: 4 });
  await wizard.start();

  await expect(
    page.getByRole('status').filter({ hasText: /^Waiting \d+ s: the server's rate limit$/ }),
  ).toBeVisible();
  await wizard.expectComplete();
  const sent = customers(emulator.received);
  expect(new Set(sent).size).toBe(300);
  expect(emulator.requests.some((r) => r.status === 429)).toBe(true);
});

test('cancel asks first, says what was already sent, and stops the upload', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 3000, 'cancel.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.start();
  await expect(wizard.progress).toHaveAttribute(
    'aria-valuetext',
    /^[1-9][\d,]* of 3,000 events sent/,
  );

  await wizard.button('Cancel').click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel the import?' });
  await expect(dialog).toContainText(
    /[\d,]+ events? (was|were) already sent to Customerscore and stay there/,
  );
  await expect(dialog.getByRole('button', { name: 'Keep importing' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel import' }).click();

  await expect(wizard.heading('Import cancelled')).toBeVisible();
  const shown = await wizard.stat('Sent');
  expect(shown).toBeGreaterThan(0);
  // Every event counted as sent arrived; the rest of the file was not sent.
  expect(emulator.received.length).toBeGreaterThanOrEqual(shown);
  expect(emulator.received.length).toBeLessThan(3000);
});
