import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/import-wizard';
import { choose, expectChoice, selectField } from './support/select-field';

// Cells copied in a spreadsheet and pasted on the Import screen import like a file: tabs, CRLF,
// a quoted cell with a line break, diacritics; what arrives is checked against what was pasted.

test.use({ timezoneId: 'Europe/Prague', locale: 'cs-CZ' });

const CLIPBOARD = [
  'Událost\tDatum\tZákazník\tPoznámka',
  'přihlášení\t2026-12-01T09:30:00Z\tcus_1\tOvěřeno',
  'nákup\t2026-12-02T14:05:00Z\tcus_2\t"Dárkový poukaz\r\nna jméno ""Jana"""',
  'odhlášení\t2026-12-03T07:00:00Z\tcus_3\tRychle',
  '',
].join('\r\n');

/**
 * A paste as the browser delivers it: a ClipboardEvent whose clipboardData holds plain text
 * (`times` copies of it, built in the page, so a huge paste does not cross the wire).
 */
async function paste(page: Page, text: string, times = 1): Promise<void> {
  await page.getByLabel('Or paste cells').click();
  await page.getByLabel('Or paste cells').evaluate(
    (target, pasted: { text: string; times: number }) => {
      // Runs in the page; this file is type-checked without the DOM's types.
      const page = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void };
        ClipboardEvent: new (type: string, init: object) => object;
      };
      const data = new page.DataTransfer();
      data.setData('text/plain', pasted.text.repeat(pasted.times));
      const event = new page.ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      });
      (target as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(event);
    },
    { text, times },
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`pasted cells import like a file, ${scheme} mode`, async ({
    wizard,
    emulator,
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(wizard.fileInput).toBeVisible();
    await paste(page, 'just a word');
    await expect(page.getByRole('alert')).toContainText('The clipboard holds no cells.');
    // A whole export's worth (over 32 million characters) is a file's job, said before sending.
    await paste(page, 'login\tcus_1\t2026-12-01T09:30:00Z\n', 1_200_000);
    await expect(page.getByRole('alert')).toContainText('That is too much to paste');

    await paste(page, CLIPBOARD);
    await expect(
      page.getByRole('heading', { name: /^Pasted cells \(pasted-.*\.tsv/ }),
    ).toBeVisible();
    await expectChoice(page, 'Separator', 'Tab');
    await expect(page.getByText('spreadsheets put tabs between pasted cells')).toBeVisible();
    await expect(page.getByRole('cell', { name: /Dárkový poukaz/ })).toBeVisible();
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-paste-${scheme}`);

    await wizard.toMapping();
    await choose(page, selectField(page, 'Event name'), 'Událost');
    await choose(page, selectField(page, 'Timestamp'), 'Datum');
    await choose(page, selectField(page, 'Customer ID'), 'Zákazník');
    await wizard.button('Add all remaining columns as customer attributes').click();
    await wizard.toReview();
    await wizard.start();
    await wizard.expectComplete();

    const events = emulator.received.map((r) => r.event);
    expect(events.map((event) => event.name)).toEqual(['přihlášení', 'nákup', 'odhlášení']);
    expect(events[1]).toMatchObject({
      timestamp: Date.UTC(2026, 11, 2, 14, 5),
      identification: { customer: 'cus_2' },
      // "Add all remaining columns" names each attribute by its column as a plain slug.
      data: { customer: { poznamka: 'Dárkový poukaz\r\nna jméno "Jana"' } },
    });
  });
}
