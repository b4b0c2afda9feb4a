import { fileURLToPath } from 'node:url';
import type { Locator, TestInfo } from '@playwright/test';
import { expect, test, TRACKER_KEY, writeLoginsCsv } from './fixtures/import-wizard';
import { SettingsPage } from './pages/settings-page';

// The duplicate guard on the Settings screen: after a real import to the emulator it says how
// many events the profile's destination remembers, and forgetting them asks first, in words that
// say what forgetting means. Afterwards the same file is no longer recognised as sent.

const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

/** A screenshot of `target`: into docs/screenshots with UPDATE_SCREENSHOTS=1, else the output. */
async function screenshot(target: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const file = updateDocs
    ? fileURLToPath(new URL(`${name}.png`, docsDir))
    : testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
}

test('Settings says what the duplicate guard remembers and forgets it only after asking', async ({
  wizard,
  emulator,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const csv = await writeLoginsCsv(testInfo, 300, 'logins.csv');
  await wizard.choose(csv);
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.start();
  await wizard.expectComplete();
  expect(emulator.received).toHaveLength(300);

  const settings = new SettingsPage(page);
  await settings.frame.navItem('Settings').click();
  await settings.frame.expectScreen('Settings');
  const section = page.getByRole('region', { name: 'Duplicate guard' });
  const figures = section.getByTestId('duplicate-guard-figures');
  const where = `${TRACKER_KEY} at ${emulator.url}`;
  await expect(figures).toHaveText(
    new RegExp(
      `^The app remembers 300 events it sent to ${escape(where)} \\(\\d+(\\.\\d)? KB on disk\\), so that importing them again skips them\\.$`,
    ),
  );
  const forget = section.getByRole('button', { name: 'Forget sent events…' });
  await expect(forget).toBeEnabled();
  await wizard.expectAccessible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(section, testInfo, `settings-duplicate-guard-${scheme}`);
  }

  // Asking, then keeping them: nothing changes.
  await forget.click();
  const dialog = page.getByRole('alertdialog', {
    name: `Forget the 300 events sent to ${TRACKER_KEY}?`,
  });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `The app will no longer know which events it sent to ${where}.`,
  );
  await expect(dialog).toContainText(
    'If you import the same rows again, they are sent again and Customerscore counts them twice.',
  );
  await expect(dialog).toContainText(
    'Events already in Customerscore are not touched: nothing is deleted there.',
  );
  await expect(dialog.getByRole('button', { name: 'Keep them' })).toBeFocused();
  await wizard.expectAccessible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page.locator('body'), testInfo, `settings-duplicate-guard-dialog-${scheme}`);
  }
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(dialog).toBeHidden();
  await expect(forget).toBeFocused();
  await expect(figures).toContainText('The app remembers 300 events');

  // Forgetting them: the section shows the new figures and says what was done.
  await forget.click();
  await dialog.getByRole('button', { name: 'Forget sent events' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(`Forgot 300 sent events for ${where}.`);
  await expect(figures).toHaveText(
    `Nothing is remembered yet for ${where}: the app remembers each event it sends there from now on.`,
  );
  await expect(forget).toBeDisabled();
  await expect(figures).toBeFocused(); // not lost with the disabled button
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(section, testInfo, `settings-duplicate-guard-forgotten-${scheme}`);
  }

  // A profile that cannot send remembers nothing; back on the first one, its own figures.
  await settings.createProfile('No key yet');
  await expect(figures).toHaveText(
    /^Nothing is remembered for this profile: it cannot send until it has a tracker key/,
  );
  await expect(forget).toBeDisabled();
  await settings.switchTo('default');
  await expect(figures).toHaveText(new RegExp(`^Nothing is remembered yet for ${escape(where)}`));

  // The import no longer knows these rows were sent: its review does not offer to skip them.
  await settings.frame.navItem('Import').click();
  await wizard.button('Import another file').click();
  await wizard.choose(csv);
  await wizard.toMapping();
  await wizard.toReview();
  await expect(page.getByText('300 events will be sent.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Events sent before' })).toHaveCount(0);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
