import path from 'node:path';
import { expect, fixturesDir, screenshot, test, writeLoginsCsv } from './fixtures/import-wizard';
import { choose, selectField } from './support/select-field';

// Every step of the import wizard in light and dark mode: an accessibility check (no serious or
// critical finding) and a screenshot (into docs/screenshots with UPDATE_SCREENSHOTS=1).

test.use({
  timezoneId: 'Europe/Berlin',
  locale: 'en-GB',
  profileRate: { requests: 2, perSeconds: 1 },
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every step of the import wizard, ${scheme} mode`, async ({ wizard, page }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name: string) => screenshot(page, testInfo, `import-${name}-${scheme}`);

    await expect(wizard.fileInput).toBeVisible();
    await wizard.expectAccessible();
    await shot('choose');

    await wizard.choose(path.join(fixturesDir, 'import-bad-rows.csv'));
    await wizard.expectAccessible();
    await shot('file');

    await wizard.toMapping();
    await choose(page, selectField(page, 'Timestamp format'), 'ISO 8601 (2024-04-01T12:00:00Z)');
    await wizard.expectAccessible();
    await shot('map');

    await wizard.toReview();
    await wizard.expectAccessible();
    await shot('review');
    await page.getByLabel('Only rows with problems').check();
    await expect(wizard.grid).toHaveAttribute('aria-rowcount', '5');
    await shot('review-problems');

    // A longer file, slow enough to watch: the progress, pause and the cancel question.
    await wizard.button('Back').click();
    await wizard.button('Back').click();
    await wizard.choose(await writeLoginsCsv(testInfo, 3000, 'logins.csv'));
    await wizard.toMapping();
    await wizard.toReview();
    await wizard.start();
    await expect(wizard.progress).toHaveAttribute(
      'aria-valuetext',
      /^[1-9][\d,]* of 3,000 events sent/,
    );
    await wizard.expectAccessible();
    await shot('sending');
    await wizard.button('Pause').click();
    await expect(page.getByRole('status').filter({ hasText: /^Paused/ })).toBeVisible();
    await shot('paused');
    await wizard.button('Cancel').click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel the import?' });
    await expect(dialog).toContainText(/already sent to Customerscore/);
    await wizard.expectAccessible();
    await shot('cancel-question');
    await dialog.getByRole('button', { name: 'Keep importing' }).click();
    await wizard.button('Resume').click();
    await wizard.expectComplete();
    await wizard.expectAccessible();
    await shot('complete');

    await wizard.app.navItem('History').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Imports' })).toBeVisible();
    await expect(page.getByRole('row', { name: /logins\.csv/ })).toContainText('Complete');
    await wizard.expectAccessible();
    await shot('history');
  });
}
