import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SettingsPage } from './pages/settings-page';
import { expect, test } from './support/browser-host';

// The settings file on disk as the app finds it at start: damaged (put aside, said in words) or
// written by a newer version (its unknown fields kept). The store is tested in electron/store.

// With UPDATE_SCREENSHOTS=1 the PNGs go to docs/screenshots; otherwise to the test's output.
const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';
const docsDir = new URL('../docs/screenshots/', import.meta.url);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a damaged settings file is said on Settings, naming where its backup went (${colorScheme})`, async ({
    page,
    host,
  }, testInfo) => {
    const damaged = '{"version": 1, "activeProfileId": "default", "profiles": [';
    await writeFile(path.join(host.dataDir, 'settings.json'), damaged);
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.emulateMedia({ colorScheme });
    const settings = new SettingsPage(page);
    await settings.open(host.url);

    const notice = page.getByRole('alert').filter({ hasText: 'The settings file was damaged' });
    await expect(notice).toContainText(
      `(it is not valid JSON), so the default settings are used. The damaged file was kept as settings.json.corrupt-`,
    );
    await expect(notice).toContainText(`in ${host.dataDir}.`);
    const backups = (await readdir(host.dataDir)).filter((name) =>
      name.startsWith('settings.json.corrupt-'),
    );
    expect(backups).toHaveLength(1);
    await expect(notice).toContainText(backups[0] ?? '');
    expect(await readFile(path.join(host.dataDir, backups[0] ?? ''), 'utf8')).toBe(damaged);

    const fileName = `settings-damaged-file-${colorScheme}.png`;
    const file = updateDocs
      ? fileURLToPath(new URL(fileName, docsDir))
      : testInfo.outputPath(fileName);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });

    // Said once: dismissed, it stays away after a reload (the backup is out of the way).
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.reload();
    await settings.show();
    await expect(page.getByText('The settings file was damaged')).toHaveCount(0);
  });
}

test('fields a newer version wrote in the settings file survive a change made in the app', async ({
  page,
  host,
}) => {
  const file = path.join(host.dataDir, 'settings.json');
  await writeFile(
    file,
    JSON.stringify({
      version: 1,
      activeProfileId: 'default',
      theme: 'teal',
      profiles: [
        {
          id: 'default',
          name: 'default',
          trackerKey: '',
          endpoint: 'https://api.customerscore.io/api/tracker/track',
          rateLimit: { requests: 200, perSeconds: 60 },
          color: 'red',
        },
      ],
    }),
  );
  const settings = new SettingsPage(page);
  await settings.open(host.url);
  await expect(page.getByText('The settings file was damaged')).toHaveCount(0);
  await settings.trackerKey.fill('CS-ACME1');
  await settings.save.click();
  await expect
    .poll(async () => JSON.parse(await readFile(file, 'utf8')) as unknown)
    .toMatchObject({ theme: 'teal', profiles: [{ trackerKey: 'CS-ACME1', color: 'red' }] });
});
