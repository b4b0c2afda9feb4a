import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { codedError, createScriptedUpdater } from '../electron/dev/scripted-updater';
import type { ScriptedUpdater } from '../electron/dev/scripted-updater';
import { test as importTest, writeLoginsCsv } from './fixtures/import-wizard';
import { expect } from './support/browser-host';
import { SettingsPage } from './pages/settings-page';

// Settings' Updates section against a scripted updater (electron-updater needs a packaged app):
// the installed version, each state in words (up to date, downloading, failed, ready), "Check
// for updates automatically" kept in settings.json, and "Restart to update" held back while an
// import is being sent, allowed once it is paused. Screenshots of each state, light and dark.

const test = importTest.extend<{ updater: ScriptedUpdater }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  updater: async ({}, use) => use(createScriptedUpdater()),
  hostUpdater: async ({ updater }, use) => use(updater),
});

const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

/** The section in light and dark: into docs/screenshots with UPDATE_SCREENSHOTS=1, else the output. */
async function screenshots(page: Page, target: Locator, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = updateDocs
      ? fileURLToPath(new URL(`${name}-${scheme}.png`, docsDir))
      : testInfo.outputPath(`${name}-${scheme}.png`);
    await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function updatesSection(page: Page) {
  const section = page.getByRole('region', { name: 'Updates' });
  return {
    section,
    state: section.getByTestId('update-state'),
    automatic: section.getByRole('checkbox', { name: 'Check for updates automatically' }),
    checkNow: section.getByRole('button', { name: 'Check now' }),
    restart: section.getByRole('button', { name: 'Restart to update' }),
  };
}

test('Settings shows each update state in words and restarts to update when asked', async ({
  page,
  host,
  updater,
}, testInfo) => {
  const settings = new SettingsPage(page);
  await settings.open(host.url);
  const updates = updatesSection(page);
  await updates.section.scrollIntoViewIfNeeded();

  // Checked at start (automatic by default): nothing newer.
  await expect(updates.section.getByTestId('installed-version')).toHaveText('0.1.0');
  await expect(updates.automatic).toBeChecked();
  await expect(updates.state).toHaveText(
    /^Up to date: 0\.1\.0 is the newest version \(checked \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)\.$/,
  );
  await expect(updates.restart).toHaveCount(0);
  expect(updater.checks).toBe(1);
  await screenshots(page, updates.section, testInfo, 'settings-updates-up-to-date');

  // Check now finds 0.2.0 and downloads it in the background.
  updater.nextCheck = { version: '0.2.0' };
  await updates.checkNow.click();
  await expect(updates.state).toHaveText('Downloading version 0.2.0 in the background: 0%.');
  updater.progress(42.4);
  await expect(updates.state).toHaveText('Downloading version 0.2.0 in the background: 42%.');
  await expect(
    updates.section.getByRole('progressbar', { name: 'Downloading version 0.2.0' }),
  ).toHaveAttribute('aria-valuetext', '42%');
  await expect(updates.checkNow).toBeDisabled();
  await screenshots(page, updates.section, testInfo, 'settings-updates-downloading');

  // The connection drops: one sentence, and Check now works again.
  updater.failDownload(codedError('getaddrinfo ENOTFOUND github.com', 'ENOTFOUND'));
  await expect(updates.state).toHaveText(
    'The update server could not be reached: check the internet connection, then click Check now.',
  );
  await expect(updates.checkNow).toBeEnabled();
  await screenshots(page, updates.section, testInfo, 'settings-updates-failed');

  await updates.checkNow.click();
  await expect.poll(() => updater.downloading).toBe(true);
  updater.finishDownload();
  await expect(updates.state).toHaveText(
    'Version 0.2.0 is downloaded. Restart the app to install it, or it installs the next time you quit.',
  );
  await expect(updates.restart).toBeEnabled();
  // Nothing to check while a downloaded version waits.
  await expect(updates.checkNow).toHaveCount(0);
  await screenshots(page, updates.section, testInfo, 'settings-updates-ready');

  await updates.restart.click();
  await expect.poll(() => updater.installs).toBe(1);
});

test('"Check for updates automatically" is kept in settings.json, and Check now still checks when it is off', async ({
  page,
  host,
  updater,
}) => {
  const settings = new SettingsPage(page);
  await settings.open(host.url);
  const updates = updatesSection(page);
  await expect(updates.automatic).toBeChecked();
  await updates.automatic.uncheck();
  await expect(updates.automatic).not.toBeChecked();
  await expect
    .poll(async () => {
      const file = await readFile(path.join(host.dataDir, 'settings.json'), 'utf8');
      return (JSON.parse(file) as { updates?: unknown }).updates;
    })
    .toEqual({ automatic: false });

  await page.reload();
  await settings.show();
  await expect(updates.automatic).not.toBeChecked();
  const before = updater.checks;
  await updates.checkNow.click();
  await expect.poll(() => updater.checks).toBe(before + 1);
  await expect(updates.state).toHaveText(/^Up to date: /);
});

test.describe('while an import is being sent', () => {
  test.use({ profileRate: { requests: 1, perSeconds: 5 } });

  test('"Restart to update" waits, saying why, and is offered once the import is paused', async ({
    wizard,
    page,
    updater,
  }, testInfo) => {
    test.setTimeout(60_000);
    await wizard.choose(await writeLoginsCsv(testInfo, 2000, 'slow.csv'));
    await wizard.toMapping();
    await wizard.toReview();
    await wizard.start();
    await expect(wizard.button('Pause')).toBeVisible();

    const settings = new SettingsPage(page);
    await settings.show();
    const updates = updatesSection(page);
    updater.nextCheck = { version: '0.2.0' };
    await updates.checkNow.click();
    await expect.poll(() => updater.downloading).toBe(true);
    updater.finishDownload();
    await expect(updates.restart).toBeDisabled();
    await expect(updates.state).toHaveText(
      'Version 0.2.0 is downloaded and installs when the app restarts.',
    );
    const reason = updates.section.getByText(/^An import is being sent: restarting now/);
    await expect(reason).toHaveText(
      'An import is being sent: restarting now would stop it. Wait until it ends, or pause it (it goes on after the restart).',
    );
    await expect(updates.restart).toHaveAccessibleDescription(/^An import is being sent/);
    await wizard.expectAccessible();
    await updates.section.scrollIntoViewIfNeeded();
    await screenshots(page, updates.section, testInfo, 'settings-updates-waiting-for-import');
    expect(updater.installs).toBe(0);

    // Paused, the import goes on after the restart (its journal is on disk): restarting is offered.
    await wizard.app.navItem('Import').click();
    await wizard.button('Pause').click();
    await expect(page.getByRole('status').filter({ hasText: /^Paused/ })).toBeVisible();
    await settings.show();
    await expect(updates.restart).toBeEnabled();
    await expect(reason).toHaveCount(0);
    await updates.restart.click();
    // The paused import is stopped first (its requests under way answered, its journal marked).
    await expect(updates.state).toHaveText('Restarting to install version 0.2.0…');
    await expect.poll(() => updater.installs, { timeout: 30_000 }).toBe(1);
  });
});
