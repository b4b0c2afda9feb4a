import path from 'node:path';
import { startImportJob } from '../electron/engine/job/job';
import { acquireJobLock } from '../electron/engine/job/job-lock';
import type { Mapping } from '../shared/mapping';
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

// The resume offer of an import that another program (a CLI in another terminal) is sending: the
// app refuses with the sentence that names it, sends nothing, and resumes once that program let go.

const loginsMapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601', timezone: 'UTC' },
  customer: { column: 'customer_id' },
};

test('the resume offer refuses an import another program is sending, then resumes it', async ({
  page,
  host,
  emulator,
}, testInfo) => {
  test.setTimeout(60_000);
  await prepareProfile(host.dataDir, emulator.url, { requests: 1000, perSeconds: 1 });
  const file = await writeLoginsCsv(testInfo, 600, 'logins.csv');
  // An import stopped after its first requests, as quitting the app mid-upload leaves it.
  const first = startImportJob({
    path: file,
    mapping: loginsMapping,
    trackerKey: TRACKER_KEY,
    endpoint: emulator.url,
    apiKey: KEY,
    rate: { requests: 5, perMs: 1000 },
    dataDir: host.dataDir,
    expected: { dataRows: 600, events: 600 },
    onProgress: (progress) => {
      if (progress.eventsSent >= 100) first.interrupt();
    },
  });
  const stopped = await first.done;
  expect(stopped.outcome).toBe('interrupted');
  // The other program: a live process of this computer (the test runner) holds the job. Since
  // now: a lock older than this computer's last start is stale whatever its process id.
  const other = await acquireJobLock(path.join(host.dataDir, 'jobs', stopped.jobId ?? ''), {
    pid: process.ppid,
  });
  const sentBefore = emulator.received.length;

  const wizard = new ImportWizard(page);
  await wizard.open(host.url);
  await wizard.button('Resume import of logins.csv').click();
  // Said in the offer, beside the button pressed.
  const refusal = page.getByRole('region', { name: 'Interrupted imports' }).getByRole('alert');
  await expect(refusal).toHaveText(
    new RegExp(
      `^This import is being sent by another program on this computer \\(process ${process.ppid}, since \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d\\)\\. Wait for it to finish, or stop it, then resume\\.$`,
    ),
  );
  await expect(wizard.button('Resume import of logins.csv')).toBeVisible(); // still offered
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await wizard.expectAccessible();
    await screenshot(page, testInfo, `import-resume-locked-${scheme}`);
  }
  expect(emulator.received.length).toBe(sentBefore);

  await other.release();
  await wizard.button('Resume import of logins.csv').click();
  await wizard.expectComplete();
  const customers = emulator.received.map((r) => r.event.identification.customer);
  expect(customers).toHaveLength(600);
  expect(new Set(customers).size).toBe(600);
});
