import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startImportJob } from '../electron/engine/job/job';
import { createSettingsStore } from '../electron/store/settings';
import type { Mapping } from '../shared/mapping';
import { startEmulator, type Emulator } from './emulator/emulator';
import {
  expect,
  ImportWizard,
  KEY,
  prepareProfile,
  screenshot,
  test,
  TRACKER_KEY,
  writeLoginsCsv,
} from './fixtures/import-wizard';

// An import started for one destination (tracker key and endpoint), interrupted, and a profile
// that now sends elsewhere: the resume offer asks, naming both, and sends nothing to either while
// it asks. "Not now" leaves the offer as it was; "Start again" opens the file with the job's
// mapping as a new import, which goes only where the profile sends now.

const OLD_TRACKER_KEY = 'CS-OLD1';
const loginsMapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601', timezone: 'UTC' },
  customer: { column: 'customer_id' },
};
const fastRate = { requests: 1000, perSeconds: 1 };

let original: Emulator | null = null;
test.afterEach(async () => {
  await original?.close();
  original = null;
});

/** The Track API the import was started with (its tracker key is the old one); closed after each test. */
function startOriginal(): Promise<Emulator> {
  return startEmulator({ apiKeys: [KEY], trackerKeys: [OLD_TRACKER_KEY], rateLimit: null });
}

/** 600 logins sent to `to` for the old tracker key, stopped after 100 as quitting the app leaves it. */
async function interruptedImport(dataDir: string, to: Emulator, file: string): Promise<string> {
  const first = startImportJob({
    path: file,
    mapping: loginsMapping,
    trackerKey: OLD_TRACKER_KEY,
    endpoint: to.url,
    apiKey: KEY,
    rate: { requests: 5, perMs: 1000 },
    dataDir,
    expected: { dataRows: 600, events: 600 },
    onProgress: (progress) => {
      if (progress.eventsSent >= 100) first.interrupt();
    },
  });
  const stopped = await first.done;
  expect(stopped.outcome).toBe('interrupted');
  return stopped.jobId ?? '';
}

test('a resume to a changed profile asks, naming both destinations, and sends nothing until a choice', async ({
  page,
  host,
  emulator,
}, testInfo) => {
  test.setTimeout(90_000);
  original = await startOriginal();
  const file = await writeLoginsCsv(testInfo, 600, 'logins.csv');
  await interruptedImport(host.dataDir, original, file);
  const sentBefore = original.received.length;
  // The page lists the offer while the profile still sends where the job started …
  await createSettingsStore({ dataDir: host.dataDir }).updateProfile('default', {
    trackerKey: OLD_TRACKER_KEY,
    endpoint: original.url,
    rateLimit: fastRate,
  });
  const wizard = new ImportWizard(page);
  await wizard.open(host.url);
  const resume = wizard.button('Resume import of logins.csv');
  await expect(resume).toBeVisible();
  // … then the profile changes (another window, the CLI): the resume is refused and asks.
  await prepareProfile(host.dataDir, emulator.url, fastRate);
  await resume.click();

  const question = page.getByRole('alertdialog', {
    name: 'logins.csv was started for another destination',
  });
  await expect(question).toBeVisible();
  await expect(question.getByRole('definition').first()).toHaveText(
    `tracker key ${OLD_TRACKER_KEY} at ${original.url}`,
  );
  await expect(question.getByRole('definition').nth(1)).toHaveText(
    new RegExp(`^tracker key ${TRACKER_KEY} at ${emulator.url}/?$`),
  );
  await expect(question).toContainText('Nothing was sent.');
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-resume-destination-${scheme}`);
  }
  expect(original.received).toHaveLength(sentBefore);
  expect(emulator.received).toHaveLength(0);

  // "Not now": the question closes, the offer stays, nothing was sent to either.
  await question.getByRole('button', { name: 'Not now' }).click();
  await expect(question).toBeHidden();
  await expect(resume).toBeVisible();
  expect(original.received).toHaveLength(sentBefore);
  expect(emulator.received).toHaveLength(0);

  // The offer says so now, and asks again straight away; then started again as a new import.
  await expect(page.getByRole('region', { name: 'Interrupted imports' })).toContainText(
    'it was started for another destination than the profile sends to now: Resume asks what to do, and sends nothing.',
  );
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `import-resume-moved-offer-${scheme}`);
  }
  await resume.click();
  await expect(question).toBeVisible();
  await question
    .getByRole('button', { name: /^Start logins\.csv again for CS-TEST1 at 127\.0\.0\.1:\d+$/ })
    .click();
  await expect(wizard.heading(/^Match the columns/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Using the mapping' })).toHaveText(
    /^Using the mapping of the interrupted import of logins\.csv\. It is sent as a new import to tracker key CS-TEST1 at .+; the interrupted one stays in History\.$/,
  );
  await expect(resume).toBeHidden();
  await wizard.toReview();
  await wizard.start();
  await wizard.expectComplete();
  const customers = emulator.received.map((r) => r.event.identification.customer);
  expect(customers).toHaveLength(600);
  expect(new Set(customers).size).toBe(600);
  expect(original.received).toHaveLength(sentBefore);

  // The interrupted import is still in History, no longer said to be resumable.
  await wizard.app.navItem('History').click();
  await expect(page.getByText('Stopped before the end (you chose not to resume it)')).toHaveCount(
    1,
  );
  await expect(page.getByText(/can be resumed/)).toHaveCount(0);
});

test('a resume whose record names an address the app never sends to is refused, without a way to send there', async ({
  page,
  host,
  emulator,
}, testInfo) => {
  test.setTimeout(60_000);
  original = await startOriginal();
  const file = await writeLoginsCsv(testInfo, 600, 'logins.csv');
  const jobId = await interruptedImport(host.dataDir, original, file);
  const sentBefore = original.received.length;
  // The record edited on disk to plain http elsewhere.
  const journal = path.join(host.dataDir, 'jobs', jobId, 'journal.jsonl');
  const [header = '', ...rest] = (await readFile(journal, 'utf8')).split('\n');
  const parsed = JSON.parse(header) as { settings: { endpoint: string } };
  parsed.settings.endpoint = 'http://collector.example/track';
  await writeFile(journal, [JSON.stringify(parsed), ...rest].join('\n'));
  await prepareProfile(host.dataDir, emulator.url, fastRate);

  const wizard = new ImportWizard(page);
  await wizard.open(host.url);
  await wizard.button('Resume import of logins.csv').click();
  const question = page.getByRole('alertdialog', { name: 'logins.csv cannot be resumed' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('definition').first()).toHaveText(
    `tracker key ${OLD_TRACKER_KEY} at http://collector.example/track`,
  );
  await expect(question).toContainText('the app will not send the API key there');
  // The choices: not now, or a new import to where the profile sends; never the recorded address.
  const choices = await question.getByRole('button').allInnerTexts();
  expect(choices).toEqual([
    'Not now',
    expect.stringMatching(/^Start logins\.csv again for CS-TEST1 at 127\.0\.0\.1:\d+$/),
  ]);
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-resume-not-allowed-${scheme}`);
  }
  await question.getByRole('button', { name: 'Not now' }).click();
  await expect(question).toBeHidden();
  expect(original.received).toHaveLength(sentBefore);
  expect(emulator.received).toHaveLength(0);
});

test('a profile pointed back before the resume is pressed resumes where the import started, without asking', async ({
  page,
  host,
  emulator,
}, testInfo) => {
  test.setTimeout(60_000);
  original = await startOriginal();
  const file = await writeLoginsCsv(testInfo, 600, 'logins.csv');
  await interruptedImport(host.dataDir, original, file);
  // Listed while the profile sends elsewhere …
  await prepareProfile(host.dataDir, emulator.url, fastRate);
  const wizard = new ImportWizard(page);
  await wizard.open(host.url);
  await expect(wizard.button('Resume import of logins.csv')).toBeVisible();
  // … then pointed back: the resume asks the main process again and goes on.
  await createSettingsStore({ dataDir: host.dataDir }).updateProfile('default', {
    trackerKey: OLD_TRACKER_KEY,
    endpoint: original.url,
  });
  await wizard.button('Resume import of logins.csv').click();
  await wizard.expectComplete();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const customers = original.received.map((r) => r.event.identification.customer);
  expect(new Set(customers).size).toBe(600);
  expect(emulator.received).toHaveLength(0);
});
