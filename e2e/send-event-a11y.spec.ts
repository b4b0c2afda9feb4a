import {
  expect,
  jsonEvent,
  screenshot,
  seriousViolations,
  tabTo,
  test,
} from './support/send-event-fixtures';

// The "Send event" screen by keyboard alone, checked with axe, and photographed in both modes.

test('every action works from the keyboard alone', async ({
  sendScreen: screen,
  emulator,
  page,
}) => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Send event' })
    .focus();
  await tabTo(page, screen.field('Event name'));
  await page.keyboard.type('keyboard_only');
  await tabTo(page, screen.field('Customer ID'));
  await page.keyboard.type('cus_kb');
  await tabTo(page, page.getByRole('button', { name: 'Add customer attribute' }));
  await page.keyboard.press('Enter');
  await expect(screen.field('Customer attribute 1 name')).toBeFocused();
  await page.keyboard.type('b');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await tabTo(page, page.getByRole('button', { name: 'Add customer attribute' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('a');
  await tabTo(page, page.getByRole('button', { name: 'Move customer attribute 2 up' }));
  await page.keyboard.press('Enter');
  await expect(screen.field('Customer attribute 1 name')).toHaveValue('a');
  await expect(page.getByRole('button', { name: 'Move customer attribute 1 down' })).toBeFocused();

  await page.keyboard.press('ControlOrMeta+Enter');
  await screen.expectStatus(/^200/);
  expect(emulator.received[0]?.event.data).toEqual({ customer: { a: '', b: '2' } });

  await tabTo(page, page.getByRole('tab', { name: 'Form' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');

  await tabTo(page, page.getByRole('button', { name: 'Save as template…' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Template name')).toBeFocused();
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();

  await tabTo(page, screen.history.getByRole('button', { name: /keyboard_only/ }));
  await page.keyboard.press('Enter');
  await expect(screen.response.getByRole('heading', { level: 2 })).toBeFocused();
  await tabTo(page, screen.response.getByRole('button', { name: 'Resend' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => emulator.received.length).toBe(2);

  await tabTo(page, page.getByRole('button', { name: 'Clear history' }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Clear the whole history?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(screen.history.getByRole('listitem')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility problem, and screenshots, in ${colorScheme} mode`, async ({
    sendScreen: screen,
    emulator,
    page,
    consoleErrors,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    // Tall enough for a whole state per picture (the content scrolls inside the frame).
    await page.setViewportSize({ width: 1200, height: 1500 });
    await screen.field('Event name').focus();
    await expect.poll(() => seriousViolations(page)).toEqual([]);
    await screen.fillEvent({
      name: 'subscription_upgraded',
      customer: 'cus_456',
      contact: 'con_123',
    });
    await page.getByRole('button', { name: 'Add customer attribute' }).click();
    await screen.field('Customer attribute 1 name').fill('plan');
    await screen.field('Customer attribute 1 value').fill('pro');
    await screen.field('Timestamp').fill('2024-04-03T07:50:56.789');
    await screenshot(page, testInfo, `form-${colorScheme}`);

    await screen.sendButton.click();
    await screen.expectStatus(/^200/);
    emulator.script({ fault: 'tooManyRequests', retryAfterSeconds: 45 });
    await screen.sendButton.click();
    await screen.expectStatus(/^429/);
    await screen.response.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await expect.poll(() => seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, `response-${colorScheme}`);
    await screen.history.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await screenshot(page, testInfo, `history-${colorScheme}`);

    await page.getByRole('tab', { name: 'JSON' }).click();
    await screen
      .field('Request JSON')
      .fill(
        JSON.stringify(
          { events: [jsonEvent('first', 'cus_1'), { name: '', timestamp: 1 }] },
          null,
          2,
        ),
      );
    await expect(page.getByRole('button', { name: /^Line \d+$/ }).first()).toBeVisible();
    await expect.poll(() => seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, `json-${colorScheme}`);

    await page.getByRole('button', { name: 'Save as template…' }).click();
    await expect.poll(() => seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(consoleErrors).toEqual([]);
  });
}
