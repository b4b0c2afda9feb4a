import { expect, screenshot, test, writeLoginsCsv } from './fixtures/import-wizard';

// The duplicate guard in the wizard: a second file that overlaps an earlier import is checked
// against what the profile's destination already has, says so in words, skips those events by
// default, and can send them again when asked.

function customers(received: readonly { event: { identification: { customer: string } } }[]) {
  return received.map((r) => r.event.identification.customer);
}

test('a file overlapping an earlier import sends only its new events, unless asked', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await wizard.choose(await writeLoginsCsv(testInfo, 300, 'logins-november.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  // Nothing was sent before: no question.
  await expect(page.getByRole('group', { name: 'Events sent before' })).toHaveCount(0);
  await wizard.start();
  await wizard.expectComplete();
  expect(emulator.received).toHaveLength(300);

  await wizard.button('Import another file').click();
  await wizard.choose(await writeLoginsCsv(testInfo, 450, 'logins-december.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  const question = page.getByRole('group', { name: 'Events sent before' });
  await expect(question).toContainText(
    /^300 of these events were already sent: on \d{1,2} [A-Z][a-z]+ \d{4}, import of logins-november\.csv\./,
  );
  const skip = question.getByRole('radio', { name: /^Skip these 300 \(recommended\)/ });
  await expect(skip).toBeChecked();
  await expect(
    page.getByText('150 events will be sent; 300 sent before will be skipped.'),
  ).toBeVisible();
  await wizard.expectAccessible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `import-review-already-sent-${scheme}`);
  }

  await wizard.start();
  await wizard.expectComplete();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /150 events sent, 300 events skipped: already sent before/ }),
  ).toBeVisible();
  expect(emulator.received).toHaveLength(450);
  expect(new Set(customers(emulator.received)).size).toBe(450); // each event exactly once

  // The same file once more, this time choosing to send everything again.
  await wizard.button('Import another file').click();
  await wizard.choose(await writeLoginsCsv(testInfo, 450, 'logins-december-again.csv'));
  await wizard.toMapping();
  await wizard.toReview();
  await expect(question).toContainText(
    /^450 of these events were already sent: 300 on .*; 150 on /,
  );
  await question.getByRole('radio', { name: /^Send them again/ }).check();
  await expect(page.getByText('450 events will be sent.')).toBeVisible();
  await wizard.start();
  await wizard.expectComplete();
  expect(emulator.received).toHaveLength(900);

  // History says how many each import skipped as sent before, apart from the rows not sent.
  await wizard.app.navItem('History').click();
  const skipped = page.getByRole('row', { name: /logins-december\.csv/ });
  await expect(skipped).toContainText('Complete · 300 skipped: sent before');
  await expect(skipped).not.toContainText(' of 450'); // all it was to send was sent
  await expect(page.getByRole('row', { name: /logins-november\.csv/ })).not.toContainText(
    'skipped',
  );
  await expect(page.getByRole('row', { name: /logins-december-again\.csv/ })).not.toContainText(
    'skipped',
  );
  await wizard.expectAccessible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `history-already-sent-${scheme}`);
  }
});
