import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { JobUpdate } from '../../shared/ipc-import';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { startImportJob } from '../engine/job/job';
import { createSettingsStore } from '../store/settings';
import { createImportService } from './import-service';
import { createProfileDestinationSource } from './resume-destination';
import { emulatorDestination, emulatorTarget } from './testing/emulator-target';

// The resume offer asks before any request when an interrupted import's destination is not its
// profile's any more: the offer's list says where the job was started and where the profile sends
// now, and "start again" opens the job's file with its mapping as a new import, which goes only to
// where the profile sends now.

const KEY = 'test-key-0123456789';
const emulators: Emulator[] = [];

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function emulator(): Promise<Emulator> {
  const started = await startEmulator({ apiKeys: [KEY], rateLimit: null });
  emulators.push(started);
  return started;
}

/** 600 rows sent to `to`, interrupted (the app quitting) after 100 or so arrived. */
async function interruptedImport(to: Emulator) {
  const dir = await tempDir();
  const file = await writeEventsCsv(dir, 600, [], 'customers.csv');
  const dataDir = path.join(dir, 'data');
  const first = startImportJob({
    path: file,
    mapping: eventsMapping,
    trackerKey: 'CS-TEST1',
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
  // The app started afterwards on the same data directory.
  const updates: JobUpdate[] = [];
  const service = createImportService({
    dataDir,
    onValidation: () => undefined,
    onJob: (update) => updates.push(update),
  });
  const ended = (id: string) => updates.find((u) => u.jobId === id && u.end !== null)?.end;
  return { service, jobId: stopped.jobId ?? '', dataDir, ended, sent: to.received.length };
}

describe('the resume offer of an import whose destination changed', () => {
  it('says where each job was started and where its profile sends now, and whether they differ', async () => {
    const started = await emulator();
    const later = await emulator();
    const { service, jobId, dataDir } = await interruptedImport(started);
    const recorded = { trackerKey: 'CS-TEST1', endpoint: started.url };

    expect(await service.interrupted(emulatorDestination(started.url))).toMatchObject([
      { jobId, destination: { started: recorded, problem: null } },
    ]);
    expect(await service.interrupted(emulatorDestination(later.url))).toMatchObject([
      {
        jobId,
        fileName: 'customers.csv',
        destination: {
          started: recorded,
          now: { trackerKey: 'CS-TEST1', endpoint: later.url },
          problem: 'destination_changed',
        },
      },
    ]);
    // A record edited to a plain-http address elsewhere is not one the app sends to at all.
    const journal = path.join(dataDir, 'jobs', jobId, 'journal.jsonl');
    const [header = '', ...rest] = (await readFile(journal, 'utf8')).split('\n');
    const parsed = JSON.parse(header) as { settings: { endpoint: string } };
    parsed.settings.endpoint = 'http://collector.example/track';
    await writeFile(journal, [JSON.stringify(parsed), ...rest].join('\n'));
    expect(await service.interrupted(async () => null)).toMatchObject([
      {
        jobId,
        destination: {
          started: { endpoint: 'http://collector.example/track' },
          now: null,
          problem: 'destination_not_allowed',
        },
      },
    ]);
  });

  it("takes the profile's destination from the settings, without its key", async () => {
    const dataDir = await tempDir();
    const settings = createSettingsStore({ dataDir });
    const destinationOf = createProfileDestinationSource(settings);
    expect(await destinationOf()).toBeNull(); // no tracker key yet: it cannot send
    await settings.updateProfile('default', {
      trackerKey: 'CS-LATER1',
      endpoint: 'https://track.example.com/v1',
    });
    expect(await destinationOf()).toEqual({
      trackerKey: 'CS-LATER1',
      endpoint: 'https://track.example.com/v1',
    });
    expect(await destinationOf('default')).toEqual(await destinationOf());
    expect(await destinationOf('no-such-profile')).toBeNull();
  });

  it('starts the file again with its mapping as a new import, sent only where the profile sends now', async () => {
    const started = await emulator();
    const later = await emulator();
    const { service, jobId, ended, sent } = await interruptedImport(started);

    const reopened = await service.reopen(jobId);
    expect(reopened.file.fileName).toBe('customers.csv');
    expect(reopened.mapping).toEqual(eventsMapping);
    expect(later.received).toHaveLength(0); // opening sends nothing
    const validated = await service.validate(reopened.sessionId, reopened.mapping);
    expect(validated).toMatchObject({ result: 'valid', summary: { readyRows: 600 } });

    const again = await service.start(reopened.sessionId, 'all', emulatorTarget(later.url, KEY));
    expect(again.jobId).not.toBe(jobId);
    while (!ended(again.jobId)) await new Promise((r) => setTimeout(r, 20));
    expect(ended(again.jobId)?.outcome).toBe('completed');
    const customers = later.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(600);
    expect(started.received).toHaveLength(sent); // nothing more where the old job was started
    // The old job stays in History as it was.
    const history = await service.jobs();
    expect(history.find((job) => job.jobId === jobId)).toMatchObject({ state: 'interrupted' });
  });

  it('refuses to reopen a job that is not there', async () => {
    const dir = await tempDir();
    const service = createImportService({
      dataDir: path.join(dir, 'data'),
      onValidation: () => undefined,
      onJob: () => undefined,
    });
    await expect(service.reopen('20240101-000000-abcdef12')).rejects.toMatchObject({
      code: 'gone',
      message: 'This import was not found.',
    });
  });
});
