import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startEmulator, type Emulator } from '../emulator/emulator';
import { ImportWizard } from '../fixtures/import-wizard';
import { SettingsPage } from '../pages/settings-page';
import { SendScreen } from '../support/send-event-fixtures';
import { electronBinary, launchApp, type LaunchedApp } from './electron-app';

// The real app in Electron, end to end: Settings stores a key in the OS keychain, a hand-built
// event reaches a local Track API emulator, and a small CSV import completes. One app and one
// profile for the three steps, in order, as a support engineer would go.
test.skip(electronBinary === null, 'skipped: no Electron binary');
test.describe.configure({ mode: 'serial' });

const KEY = `csk_electron_e2e_${Date.now()}_4321`;
let launched: LaunchedApp;
let emulator: Emulator;

// Playwright reads fixtures from the destructuring pattern; these hooks and tests need none.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  emulator = await startEmulator({ apiKeys: [KEY], trackerKeys: ['CS-E2E1'], rateLimit: null });
  launched = await launchApp(testInfo.outputPath('electron'));
});

test.afterAll(async () => {
  // The key lives in the real keychain: take it out again.
  const settings = new SettingsPage(launched.window);
  await settings.show().catch(() => undefined);
  await settings
    .button('Delete key')
    .click()
    .catch(() => undefined);
  await launched.close();
  await emulator.close();
});

test('Settings stores the API key in the keychain and shows only its end', async () => {
  const settings = new SettingsPage(launched.window);
  await settings.show();
  // A profile of its own (random id), so the keychain entry never touches a real one.
  await settings.createProfile('Electron e2e');
  await settings.trackerKey.fill('CS-E2E1');
  await settings.endpoint.fill(emulator.url);
  await settings.requests.fill('100');
  await settings.seconds.fill('1');
  await settings.save.click();
  await expect(launched.window.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await settings.apiKey.fill(KEY);
  await settings.saveKey.click();
  await expect(settings.keyStatus).toHaveText('Set, ends in 4321');
  expect(await launched.window.content()).not.toContain(KEY);
});

test('a hand-built event reaches the Track API', async () => {
  const screen = new SendScreen(launched.window);
  await screen.app.navItem('Send event').click();
  await screen.app.expectScreen('Send event');
  await screen.fillEvent({ name: 'electron_e2e', customer: 'cus_e2e', contact: 'con_e2e' });
  await screen.sendButton.click();
  await screen.expectStatus(/^200/);
  expect(emulator.received.map((r) => r.event.name)).toEqual(['electron_e2e']);
});

// eslint-disable-next-line no-empty-pattern
test('a small CSV import completes', async ({}, testInfo) => {
  const lines = ['event,occurred_at,customer_id'];
  for (let i = 0; i < 25; i += 1)
    lines.push(`login,2024-06-01T10:${String(i).padStart(2, '0')}:00Z,cus_${i}`);
  const file = testInfo.outputPath('logins.csv');
  await writeFile(file, lines.join('\n') + '\n');

  const wizard = new ImportWizard(launched.window);
  await wizard.app.navItem('Import').click();
  await wizard.app.expectScreen('Import');
  await wizard.choose(file);
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.start();
  await expect(wizard.heading('Import complete')).toBeVisible({ timeout: 30_000 });
  const logins = emulator.received.filter((r) => r.event.name === 'login');
  expect(logins).toHaveLength(25);
});
