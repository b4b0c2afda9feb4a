import { createSettingsStore } from '../electron/store/settings';
import { choose, expectChoice, selectField } from './support/select-field';
import {
  expect,
  jsonEvent,
  KEY,
  screenshot,
  test,
  TRACKER_KEY,
} from './support/send-event-fixtures';

// The "Send event" screen in Chromium through the browser host, against the Track API emulator:
// what is sent, what comes back, the history and the templates.

test('a form filled by its labels is sent and arrives exactly as built', async ({
  sendScreen: screen,
  emulator,
  page,
}) => {
  await screen.fillEvent({
    name: 'subscription_upgraded',
    customer: 'cus_456',
    contact: 'con_123',
  });
  await screen.field('Timestamp').fill('2024-04-03T07:50:56.789');
  await expect(screen.field('Unix milliseconds')).toHaveValue('1712123456789');
  await expect(page.getByText('2024-04-03 05:50:56.789 UTC')).toBeVisible();

  await page.getByRole('button', { name: 'Add customer attribute' }).click();
  await screen.field('Customer attribute 1 name').fill('plan');
  await screen.field('Customer attribute 1 value').fill('pro');
  await page.getByRole('button', { name: 'Add customer attribute' }).click();
  await screen.field('Customer attribute 2 name').fill('seats');
  await choose(page, selectField(page, 'Customer attribute 2 type'), 'Number');
  await screen.field('Customer attribute 2 value').fill('12');
  await page.getByRole('button', { name: 'Add contact attribute' }).click();
  await screen.field('Contact attribute 1 name').fill('email');
  await screen.field('Contact attribute 1 value').fill('thomas@example.com');

  await screen.sendButton.click();

  await screen.expectStatus(/^200/);
  await expect(screen.response).toContainText('Accepted');
  await expect(screen.response).toContainText(/Time taken\s*\d+ ms/);
  expect(emulator.received.map((item) => [item.trackerKey, item.event])).toEqual([
    [
      TRACKER_KEY,
      {
        name: 'subscription_upgraded',
        timestamp: 1712123456789,
        identification: { customer: 'cus_456', contact: 'con_123' },
        data: {
          customer: { plan: 'pro', seats: 12 },
          contact: { email: 'thomas@example.com' },
        },
      },
    ],
  ]);
});

test('Send stays off while the form is incomplete, and says why in plain words', async ({
  sendScreen: screen,
  page,
}) => {
  await expect(screen.sendButton).toBeDisabled();
  await expect(page.getByText(/Send is off until the form is complete/)).toContainText(
    'the event name',
  );
  await screen.field('Event name').fill('  ');
  await screen.field('Event name').blur();
  await expect(page.getByText('The event name is blank.')).toBeVisible();
  await expect(screen.field('Event name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add customer attribute' }).click();
  await choose(page, selectField(page, 'Customer attribute 1 type'), 'Number');
  await screen.field('Customer attribute 1 value').fill('lots');
  await screen.field('Customer attribute 1 name').fill('mrr');
  await screen.field('Customer ID').focus();
  await expect(page.getByText('Enter a number, such as 42 or 3.5.')).toBeVisible();
});

test('several events go in one request from JSON mode, and mistakes point at their line', async ({
  sendScreen: screen,
  emulator,
  page,
}) => {
  await screen.fillEvent({ name: 'first', customer: 'cus_1' });
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = screen.field('Request JSON');
  await expect(editor).toHaveValue(/"name": "first"/);

  await editor.fill('{\n  "events": [\n    { "name": "a" }\n    { "name": "b" }\n  ]\n}');
  await expect(page.getByRole('button', { name: 'Line 4' })).toBeVisible();
  await expect(
    page.getByText('A comma (,) or a closing ] is expected here.', { exact: false }),
  ).toBeVisible();
  await expect(screen.sendButton).toBeDisabled();

  const body = { events: [jsonEvent('first', 'cus_1'), jsonEvent('second', 'cus_2')] };
  await editor.fill(JSON.stringify(body, null, 2));
  await expect(page.getByText('Valid request with 2 events.')).toBeVisible();
  await editor.press('ControlOrMeta+Enter');

  await screen.expectStatus(/^200/);
  expect(emulator.received.map((item) => item.event)).toEqual(body.events);
  expect(emulator.requests).toHaveLength(1);

  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByText('Event 1 of 2')).toBeVisible();
  await expect(screen.field('Event name')).toHaveValue('first');
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect(screen.field('Customer ID')).toHaveValue('cus_2');
});

test('a 429 shows Retry-After with a countdown', async ({ sendScreen: screen, emulator }) => {
  emulator.script({ fault: 'tooManyRequests', retryAfterSeconds: 30 });
  await screen.fillEvent({ name: 'ping', customer: 'cus_1' });
  await screen.sendButton.click();

  await screen.expectStatus(/^429/);
  await expect(screen.response).toContainText('Retry-After: 30');
  const timer = screen.response.getByRole('timer');
  await expect(timer).toHaveText(/^You can send again in (30|29|28|27) s\.$/);
  const first = Number(await timer.getAttribute('data-seconds-left'));
  await expect(timer).not.toHaveAttribute('data-seconds-left', String(first), { timeout: 3_000 });
});

test('a 401 says to check the API key in Settings', async ({
  sendScreen: screen,
  keyring,
  emulator,
}) => {
  await keyring.set('default', 'csk_wrong_000000000');
  await screen.fillEvent({ name: 'ping', customer: 'cus_1' });
  await screen.sendButton.click();

  await screen.expectStatus(/^401/);
  await expect(screen.response).toContainText('API key not accepted');
  await expect(screen.response).toContainText(/Check the API key in Settings/);
  expect(emulator.received).toEqual([]);
});

test('a server that cannot be reached is said plainly', async ({ sendScreen: screen, host }) => {
  await createSettingsStore({ dataDir: host.dataDir }).updateProfile('default', {
    endpoint: 'http://127.0.0.1:9/api/tracker/track',
  });
  await screen.fillEvent({ name: 'ping', customer: 'cus_1' });
  await screen.sendButton.click();
  await screen.expectStatus(/^No answer$/);
  await expect(screen.response).toContainText('No answer from the server');
});

test('the history survives a reload; an entry opens, resends and duplicates', async ({
  sendScreen: screen,
  emulator,
  page,
  host,
}) => {
  await screen.fillEvent({ name: 'signup', customer: 'cus_acme' });
  await screen.sendButton.click();
  await screen.expectStatus(/^200/);
  await screen.field('Event name').fill('other');
  await screen.field('Customer ID').fill('cus_globex');
  await screen.sendButton.click();
  await expect(screen.history.getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await screen.open(host.url);
  await expect(screen.history.getByRole('listitem')).toHaveCount(2);
  await screen.field('Search history').fill('ACME');
  await expect(screen.history.getByRole('listitem')).toHaveCount(1);
  await screen.history.getByRole('button', { name: /signup/ }).click();
  await expect(screen.response.getByRole('heading', { level: 2 })).toHaveText(
    'Response (from the history)',
  );
  await expect(screen.response.getByRole('heading', { level: 2 })).toBeFocused();

  await screen.response.getByRole('button', { name: 'Resend' }).click();
  await expect(screen.response.getByRole('heading', { level: 2 })).toHaveText('Response');
  expect(emulator.received.map((item) => item.event.identification.customer)).toEqual([
    'cus_acme',
    'cus_globex',
    'cus_acme',
  ]);

  await screen.response.getByRole('button', { name: 'Duplicate into builder' }).click();
  await expect(screen.field('Event name')).toHaveValue('signup');
  await expect(screen.field('Customer ID')).toHaveValue('cus_acme');
});

test('a template with {{now}} sends the time of sending', async ({
  sendScreen: screen,
  emulator,
  page,
  host,
}) => {
  await screen.fillEvent({ name: 'daily_check', customer: 'cus_1' });
  await page.getByLabel('Use the time of sending ({{now}})').check();
  await expect(screen.field('Timestamp')).toBeDisabled();
  await page.getByRole('button', { name: 'Save as template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as template' });
  await dialog.getByLabel('Template name').fill('Daily check');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await screen.open(host.url);
  await expect(screen.field('Event name')).toHaveValue('');
  await expectChoice(page, 'Template', 'Daily check');
  await page.getByRole('button', { name: 'Load template' }).click();
  await expect(screen.field('Event name')).toHaveValue('daily_check');

  const before = Date.now();
  await screen.sendButton.click();
  await screen.expectStatus(/^200/);
  const after = Date.now();
  const sent = emulator.received[0]?.event.timestamp ?? 0;
  expect(sent).toBeGreaterThanOrEqual(before);
  expect(sent).toBeLessThanOrEqual(after);
});

test('copy as curl masks the key unless revealed for that one copy', async ({
  sendScreen: screen,
  clipboard,
  page,
}, testInfo) => {
  await screen.fillEvent({ name: 'ping', customer: 'cus_1' });
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText(/Copied to the clipboard/)).toBeVisible();
  expect(clipboard.text).toContain('"customerscore-key: $CUSTOMERSCORE_KEY"');
  expect(clipboard.text).not.toContain(KEY);
  await expect(page.locator('body')).not.toContainText(KEY);

  const reveal = page.getByLabel('Include the real API key in this copy');
  await reveal.check();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText(/Copied with the real API key/)).toBeVisible();
  await expect(
    page.getByText('The key is removed from the clipboard in 30 seconds if it is still there.'),
  ).toBeVisible();
  expect(clipboard.text).toContain(`'customerscore-key: ${KEY}'`);
  await expect(reveal).not.toBeChecked();
  await expect(page.locator('body')).not.toContainText(KEY);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `curl-revealed-${scheme}`);
  }
});
