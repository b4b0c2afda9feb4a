import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createSecretStore, KEYCHAIN_UNAVAILABLE_MESSAGE } from '../electron/store/secrets';
import { createMemoryKeyring } from '../electron/store/secrets-memory';
import type { MemoryKeyring } from '../electron/store/secrets-memory';
import { SettingsPage } from './pages/settings-page';
import { expect, test as hostTest } from './support/browser-host';
import { cspViolations, recordCspViolations } from './support/csp-probe';

// The Settings screen in Chromium through the browser host, against the real main-process
// handlers. The keychain is a memory keyring injected into the host (the real Secret Service is
// tested in electron/store), so every run starts from the same, empty keychain.

const test = hostTest.extend<{
  keychainAvailable: boolean;
  keyring: MemoryKeyring;
  socketFrames: string[];
}>({
  keychainAvailable: [true, { option: true }],
  keyring: async ({ keychainAvailable }, use) => {
    const keyring = createMemoryKeyring();
    keyring.setAvailable(keychainAvailable);
    await use(keyring);
  },
  hostServices: async ({ keyring }, use) => use({ secrets: createSecretStore(keyring) }),
  // Everything the page receives over the host's WebSocket, from the first navigation.
  socketFrames: async ({ page }, use) => {
    const frames: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    await use(frames);
  },
});

const KEY = 'csk_live_4f1c9a7e2b6d8e0f9876';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('a profile and its API key set in Settings survive a reload, the key shown only as "ends in …"', async ({
  page,
  host,
  keyring,
  socketFrames,
  consoleErrors,
}) => {
  const settings = new SettingsPage(page);
  await settings.open(host.url);
  await settings.expectActiveProfile('default');
  await expect(settings.keyStatus).toHaveText('Not set');

  await settings.createProfile('Acme EU');
  await expect(page.getByText('Created the profile "Acme EU" and switched to it.')).toBeVisible();

  await settings.trackerKey.fill('CS-ACME1');
  await settings.endpoint.fill('https://eu.customerscore.example/api/tracker/track');
  await settings.requests.fill('100');
  await settings.seconds.fill('30');
  await settings.save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await settings.apiKey.fill(KEY);
  await settings.saveKey.click();
  await expect(settings.keyStatus).toHaveText('Set, ends in 9876');
  await expect(settings.apiKey).toHaveCount(0);

  const settingsFile = JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8'));
  const acme = settingsFile.profiles.find(
    (profile: { name: string }) => profile.name === 'Acme EU',
  );
  expect(acme).toMatchObject({
    trackerKey: 'CS-ACME1',
    rateLimit: { requests: 100, perSeconds: 30 },
  });
  expect(keyring.entries.get(acme.id)).toBe(KEY);

  await page.reload();
  await settings.show();
  await settings.expectActiveProfile('Acme EU');
  await expect(settings.trackerKey).toHaveValue('CS-ACME1');
  await expect(settings.endpoint).toHaveValue('https://eu.customerscore.example/api/tracker/track');
  await expect(settings.requests).toHaveValue('100');
  await expect(settings.seconds).toHaveValue('30');
  await expect(settings.keyStatus).toHaveText('Set, ends in 9876');

  // The key went from the page to the main process once; nothing brought it back.
  expect(await page.content()).not.toContain(KEY);
  expect(socketFrames.length).toBeGreaterThan(0);
  expect(socketFrames.filter((frame) => frame.includes(KEY.slice(0, 12)))).toEqual([]);
  for (const file of await filesUnder(host.dataDir)) {
    expect(await readFile(file, 'utf8')).not.toContain(KEY);
  }

  await settings.button('Rename').click();
  await settings.dialog.getByLabel('New name').fill('Acme Europe');
  await settings.dialog.getByRole('button', { name: 'Rename' }).click();
  await settings.expectActiveProfile('Acme Europe');

  await settings.switchTo('default');
  await expect(settings.trackerKey).toHaveValue('');
  await expect(settings.keyStatus).toHaveText('Not set');
  await settings.switchTo('Acme Europe');
  await expect(settings.trackerKey).toHaveValue('CS-ACME1');

  await settings.button('Delete profile').click();
  await expect(settings.dialog).toContainText(
    "its API key is removed from this computer's keychain too",
  );
  await settings.dialog.getByRole('button', { name: 'Delete profile' }).click();
  await settings.expectActiveProfile('default');
  await expect(page.getByText('Deleted the profile "Acme Europe" and its API key.')).toBeVisible();
  expect(keyring.entries.has(acme.id)).toBe(false);

  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('an invalid entry is explained inline and cannot be saved', async ({ page, host }) => {
  const settings = new SettingsPage(page);
  await settings.open(host.url);

  await settings.endpoint.fill('http://api.customerscore.io/api/tracker/track');
  await expect(page.getByText(/The endpoint must start with https:\/\//)).toBeVisible();
  await expect(settings.endpoint).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.save).toBeDisabled();

  await settings.endpoint.fill('http://127.0.0.1:8080/track');
  await settings.requests.fill('0');
  await expect(page.getByText('At least 1 request must be allowed.')).toBeVisible();
  await expect(settings.save).toBeDisabled();
  await settings.requests.fill('200');
  await expect(settings.save).toBeEnabled();

  await settings.apiKey.fill('two words');
  await expect(page.getByText(/The API key contains spaces or line breaks/)).toBeVisible();
  await expect(settings.saveKey).toBeDisabled();

  await settings.button('New profile').click();
  await settings.dialog.getByLabel('Profile name').fill('DEFAULT');
  await expect(settings.dialog.getByText('A profile named "default" already exists')).toBeVisible();
  await expect(settings.dialog.getByRole('button', { name: 'Create profile' })).toBeDisabled();

  expect(await seriousViolations(page)).toEqual([]);
});

test('everything works by keyboard and passes an accessibility check', async ({ page, host }) => {
  const settings = new SettingsPage(page);
  await settings.open(host.url);
  expect(await seriousViolations(page)).toEqual([]);

  await settings.button('New profile').focus();
  await page.keyboard.press('Enter');
  await expect(settings.dialog.getByLabel('Profile name')).toBeFocused();
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('Enter');
  await settings.expectActiveProfile('Keyboard');

  await settings.trackerKey.focus();
  await page.keyboard.type('CS-KEYS1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await settings.apiKey.focus();
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');
  await expect(settings.keyStatus).toHaveText('Set, ends in 9876');

  await settings.activeProfile.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await settings.expectActiveProfile('default');

  await settings.button('Delete profile').focus();
  await page.keyboard.press('Enter');
  await expect(settings.dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();
  await expect(settings.button('Delete profile')).toBeFocused();
});

test.describe('without a keychain', () => {
  test.use({ keychainAvailable: false });

  test('the API key field says why, and everything else keeps working', async ({ page, host }) => {
    const settings = new SettingsPage(page);
    await settings.open(host.url);
    await expect(page.getByRole('alert')).toHaveText(KEYCHAIN_UNAVAILABLE_MESSAGE);

    await settings.apiKey.fill(KEY);
    await settings.saveKey.click();
    await expect(
      page.getByRole('status').filter({ hasText: 'No keychain is available' }),
    ).toBeVisible();

    await settings.trackerKey.fill('CS-ABCD1');
    await settings.save.click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect(await page.content()).not.toContain(KEY);
  });
});

// With UPDATE_SCREENSHOTS=1 the PNGs go to docs/screenshots; otherwise to the test's output.
const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of Settings in ${colorScheme} mode`, async ({
    page,
    host,
    keyring,
  }, testInfo) => {
    const shot = async (state: string) => {
      const fileName = `settings-${state}-${colorScheme}.png`;
      const file = updateDocs
        ? fileURLToPath(new URL(fileName, docsDir))
        : testInfo.outputPath(fileName);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    };
    // Tall enough that the whole screen shows without scrolling.
    await page.setViewportSize({ width: 1200, height: 1250 });
    await page.emulateMedia({ colorScheme });
    const settings = new SettingsPage(page);
    await settings.open(host.url);
    await shot('fresh');

    await settings.createProfile('Acme EU');
    await settings.trackerKey.fill('CS-ACME1');
    await settings.save.click();
    await settings.apiKey.fill(KEY);
    await settings.saveKey.click();
    await expect(settings.keyStatus).toHaveText('Set, ends in 9876');
    await shot('profile');

    await settings.endpoint.fill('http://api.customerscore.io/api/tracker/track');
    await settings.requests.fill('2.5');
    await expect(settings.save).toBeDisabled();
    await shot('invalid');
    await settings.endpoint.fill('https://api.customerscore.io/api/tracker/track');
    await settings.requests.fill('200');

    await settings.activeProfile.click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await shot('switcher');
    await page.keyboard.press('Escape');

    await settings.button('Delete profile').click();
    await expect(settings.dialog).toBeVisible();
    await shot('delete-dialog');
    await page.keyboard.press('Escape');

    keyring.setAvailable(false);
    await page.reload();
    await settings.show();
    await expect(page.getByRole('alert')).toBeVisible();
    await shot('no-keychain');
  });
}
