import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { listJobs } from '../electron/engine/journal/journal-list';
import { startBrowserHost } from '../electron/dev/start-browser-host';
import { createSecretStore } from '../electron/store/secrets';
import {
  expect,
  ImportWizard,
  KEY,
  prepareProfile,
  screenshot,
  test,
  writeLoginsCsv,
} from './fixtures/import-wizard';
import { rendererBuildDir } from './support/app-server';

// An import interrupted by a crash: the host process is killed mid-upload (SIGKILL, as a power
// cut would), a new host starts on the same data directory, offers to resume, and finishes with
// every row of the file sent.

const childScript = fileURLToPath(new URL('./fixtures/import-host-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function startChildHost(home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: repoRoot,
    env: { ...process.env, CUSTOMERSCORE_HOME: home, IMPORT_TEST_KEY: KEY },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`The host process ended early (${code}).`)));
  });
  return { child, url };
}

test('an import interrupted by a crash is offered at the next start and finishes with nothing lost', async ({
  page,
  emulator,
  keyring,
}, testInfo) => {
  test.setTimeout(90_000);
  const home = testInfo.outputPath('home');
  await mkdir(home, { recursive: true });
  await prepareProfile(home, emulator.url, { requests: 4, perSeconds: 1 });
  const file = await writeLoginsCsv(testInfo, 2500, 'restart.csv');

  const first = await startChildHost(home);
  const wizard = new ImportWizard(page);
  await wizard.open(first.url);
  await wizard.choose(file);
  await wizard.toMapping();
  await wizard.toReview();
  await wizard.start();
  await expect
    .poll(() => emulator.received.length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(400);

  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  first.child.kill('SIGKILL');
  await exited;
  const before = emulator.received.length;
  expect(before).toBeLessThan(2500);

  const second = await startBrowserHost({
    rendererDir: rendererBuildDir,
    env: { CUSTOMERSCORE_HOME: home },
    services: { secrets: createSecretStore(keyring) },
  });
  try {
    await wizard.open(second.url);
    await expect(
      page.getByText(/^Resume import of restart\.csv: [\d,]+ of 2,500 sent\./),
    ).toBeVisible();
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await wizard.expectAccessible();
      await screenshot(page, testInfo, `import-resume-offer-${scheme}`);
    }
    await wizard.button('Resume import of restart.csv').click();
    await wizard.expectComplete();

    const customers = emulator.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(2500);
    // At most the requests under way at the crash were sent twice, and they are counted as such.
    expect(customers.length - 2500).toBeLessThanOrEqual(await wizard.stat('Possible duplicates'));
  } finally {
    await second.close();
    // The killed host could not remove its copy of the uploaded file.
    for (const job of await listJobs(home, { includeFinished: true })) {
      await rm(path.dirname(path.dirname(job.filePath)), { recursive: true, force: true });
    }
  }
});
