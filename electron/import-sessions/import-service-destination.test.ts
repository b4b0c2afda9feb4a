import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { JobUpdate } from '../../shared/ipc-import';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { createFileRegistry } from './file-registry';
import { createImportService } from './import-service';
import type { ImportTargetSource } from './send-target';
import { emulatorDestination } from './testing/emulator-target';

// The app's resume offer sends the profile's key only where the import was started, and only
// while the profile still points there; otherwise it refuses in words naming both, and sends
// nothing (the page can tell this refusal by its code).

const KEY = 'test-key-0123456789';
const emulators: Emulator[] = [];

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function emulatorOn(host?: string): Promise<Emulator> {
  const started = await startEmulator({ apiKeys: [KEY], rateLimit: null, host });
  emulators.push(started);
  return started;
}

/** A profile as the target source resolves it now: its endpoint may change between calls. */
function profileSendingTo(where: { endpoint: string; rate?: number }): ImportTargetSource {
  return async () => ({
    ok: true,
    target: {
      profileId: 'default',
      profileName: 'Acme',
      trackerKey: 'CS-TEST1',
      endpoint: where.endpoint,
      rate: { requests: where.rate ?? 1000, perMs: 1000 },
      apiKey: KEY,
    },
  });
}

/** An import of 600 rows to `to`, interrupted (the app quitting) after some of them arrived. */
async function interruptedImport(to: Emulator) {
  const dir = await tempDir();
  const file = await writeEventsCsv(dir, 600, [], 'customers.csv');
  const dataDir = path.join(dir, 'data');
  const ended = new Set<string>();
  const files = createFileRegistry();
  const service = createImportService({
    files,
    dataDir,
    onValidation: () => undefined,
    onJob: (update: JobUpdate) => {
      if (update.end) ended.add(update.jobId);
    },
  });
  const opened = await service.open(files.register(file).handle);
  expect((await service.validate(opened.sessionId, eventsMapping)).result).toBe('valid');
  const { jobId } = await service.start(
    opened.sessionId,
    'all',
    profileSendingTo({ endpoint: to.url, rate: 5 }),
  );
  while (to.received.length < 100) await new Promise((r) => setTimeout(r, 20));
  await service.interruptAll();
  while (!ended.has(jobId)) await new Promise((r) => setTimeout(r, 20));
  const journal = path.join(dataDir, 'jobs', jobId, 'journal.jsonl');
  return { service, jobId, journal, sent: to.received.length };
}

async function editJournalEndpoint(journal: string, endpoint: string): Promise<void> {
  const [header = '', ...rest] = (await readFile(journal, 'utf8')).split('\n');
  const parsed = JSON.parse(header) as { settings: { endpoint: string } };
  parsed.settings.endpoint = endpoint;
  await writeFile(journal, [JSON.stringify(parsed), ...rest].join('\n'));
}

describe('resuming an import in the app', () => {
  it('refuses a journal edited on disk to another endpoint, naming both, and sends nothing there', async () => {
    const started = await emulatorOn();
    const other = await emulatorOn('127.0.0.2');
    const { service, jobId, journal, sent } = await interruptedImport(started);
    const profile = profileSendingTo({ endpoint: started.url });

    await editJournalEndpoint(journal, other.url);
    await expect(service.continueJob(jobId, profile)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining(
        `started for tracker key CS-TEST1 at ${other.url}; this resume would send to tracker key CS-TEST1 at ${started.url}. The recorded endpoint must start with https://`,
      ) as unknown,
    });

    const elsewhere = other.url.replace('127.0.0.2', 'localhost');
    await editJournalEndpoint(journal, elsewhere);
    await expect(service.continueJob(jobId, profile)).rejects.toMatchObject({
      code: 'destination_changed',
      message: expect.stringContaining(
        `started for tracker key CS-TEST1 at ${elsewhere}`,
      ) as unknown,
    });
    expect(other.received).toHaveLength(0);
    expect(started.received).toHaveLength(sent);
    expect(service.live().filter((u) => u.jobId === jobId && u.end === null)).toEqual([]);
  });

  it('refuses when the profile now points elsewhere (nothing reaches either), and resumes once it points back', async () => {
    const started = await emulatorOn();
    const later = await emulatorOn();
    const { service, jobId, sent } = await interruptedImport(started);

    const refused = service.continueJob(jobId, profileSendingTo({ endpoint: later.url }));
    await expect(refused).rejects.toMatchObject({
      code: 'destination_changed',
      message: expect.stringContaining(
        `started for tracker key CS-TEST1 at ${started.url}; this resume would send to tracker key CS-TEST1 at ${later.url}. Nothing was sent.`,
      ) as unknown,
    });
    expect(later.received).toHaveLength(0);
    expect(started.received).toHaveLength(sent);
    expect(await service.interrupted(emulatorDestination(later.url))).toMatchObject([
      { jobId, destination: { problem: 'destination_changed' } },
    ]); // still offered, with the question

    await service.continueJob(jobId, profileSendingTo({ endpoint: started.url }));
    const completed = () =>
      service.live().some((u) => u.jobId === jobId && u.end?.outcome === 'completed');
    while (!completed()) await new Promise((r) => setTimeout(r, 20));
    const customers = started.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(600);
  });
});
