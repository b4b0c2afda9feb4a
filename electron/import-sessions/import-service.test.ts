import path from 'node:path';
import { emulatorDestination, emulatorTarget } from './testing/emulator-target';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { JobUpdate } from '../../shared/ipc-import';
import { UserError } from '../../shared/user-error';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { acquireJobLock } from '../engine/job/job-lock';
import { createFileRegistry } from './file-registry';
import { createImportService } from './import-service';
import type { ImportTargetSource } from './send-target';

const KEY = 'test-key-0123456789';
let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

async function setup(rows: number, broken: number[] = [], emulatorOptions = {}) {
  emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null, ...emulatorOptions });
  const dir = await tempDir();
  const file = await writeEventsCsv(dir, rows, broken, 'customers.csv');
  const updates: JobUpdate[] = [];
  const ended = new Map<string, (update: JobUpdate) => void>();
  const service = createImportService({
    files,
    dataDir: path.join(dir, 'data'),
    onValidation: () => undefined,
    onJob: (update) => {
      updates.push(update);
      if (update.end) ended.get(update.jobId)?.(update);
    },
  });
  const target = emulatorTarget(emulator.url, KEY);
  const waitEnd = (jobId: string) =>
    new Promise<JobUpdate>((resolve) => {
      const done = updates.find((u) => u.jobId === jobId && u.end !== null);
      if (done) resolve(done);
      else ended.set(jobId, resolve);
    });
  return { service, file, target, emulator, waitEnd, updates };
}

/** The data folder `setup` gives the service, beside the file. */
function dataDirOf(file: string): string {
  return path.join(path.dirname(file), 'data');
}

/** The files the tests hand to the service, as the preload would (it opens them by handle). */
const files = createFileRegistry();

async function openAndValidate(service: ReturnType<typeof createImportService>, file: string) {
  const opened = await service.open(files.register(file).handle);
  const validated = await service.validate(opened.sessionId, eventsMapping);
  expect(validated.result).toBe('valid');
  return opened.sessionId;
}

describe('the import service', () => {
  it('sends exactly the good and the fixed rows, and reports the skipped ones', async () => {
    const { service, file, target, emulator, waitEnd } = await setup(50, [4, 9, 30]);
    const sessionId = await openAndValidate(service, file);
    await service.editCell(sessionId, 4, 1, '2024-04-02T08:00:00Z');
    await service.skipRows(sessionId, 'problems', true);

    const started = await service.start(sessionId, 'all', target);
    const end = await waitEnd(started.jobId);

    expect(end.end).toMatchObject({ outcome: 'completed', reportRows: 2, refusedRows: 0 });
    expect(end.totalEvents).toBe(48);
    const sent = emulator.received.map((r) => r.event.identification.customer);
    expect(sent).toHaveLength(48);
    expect(sent).toContain('cus_2');
    expect(sent).not.toContain('cus_7');

    const history = await service.jobs();
    expect(history[0]).toMatchObject({
      fileName: 'customers.csv',
      profileName: 'Acme',
      state: 'completed',
      sent: 48,
      rejected: 2,
      hasReport: true,
      durationMs: expect.any(Number),
    });
    const report = await service.jobReport(started.jobId);
    expect(report).toMatchObject({ rows: 2 });
    expect(await service.interrupted(emulatorDestination(emulator.url))).toEqual([]);
  });

  it('brings the rows the server refused back, and sends only those again', async () => {
    const refuse = (event: { identification: { customer: string } }) =>
      event.identification.customer === 'cus_5' ? 'Customer is blocked' : null;
    const { service, file, target, emulator, waitEnd } = await setup(20, [], {
      rejectEvent: refuse,
    });
    const sessionId = await openAndValidate(service, file);
    const first = await service.start(sessionId, 'all', target);
    expect((await waitEnd(first.jobId)).end).toMatchObject({ refusedRows: 1 });
    expect(emulator.received).toHaveLength(19);

    const refused = await service.rows(sessionId, 'refused', 0, 10);
    expect(refused.rows.map((r) => r.row)).toEqual([7]);
    expect(refused.rows[0]?.issues.at(-1)?.message).toMatch(/Customer is blocked/);

    emulator.setRejectEvent(null);
    await service.editCell(sessionId, 7, 2, 'cus_5b');
    const again = await service.start(sessionId, 'refused', target);
    expect((await waitEnd(again.jobId)).end).toMatchObject({ outcome: 'completed' });
    expect(emulator.received.slice(19).map((r) => r.event.identification.customer)).toEqual([
      'cus_5b',
    ]);
  });

  it('says in words when nothing can be sent or the profile is not ready', async () => {
    const { service, file } = await setup(3, [2, 3, 4]);
    const sessionId = await openAndValidate(service, file);
    const noKey = service.start(sessionId, 'all', async () => ({
      ok: false,
      message: 'No API key yet.',
    }));
    await expect(noKey).rejects.toBeInstanceOf(UserError);
    await expect(noKey).rejects.toMatchObject({ code: 'settings', message: 'No API key yet.' });
    const target: ImportTargetSource = async () => ({
      ok: true,
      target: {
        profileId: 'default',
        profileName: 'Acme',
        trackerKey: 'CS-TEST1',
        endpoint: 'http://127.0.0.1:9/api/tracker/track',
        rate: { requests: 1, perMs: 1000 },
        apiKey: KEY,
      },
    });
    await expect(service.start(sessionId, 'all', target)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/No row can be sent yet/),
    });
  });

  it('offers an interrupted import for resuming and finishes it with nothing lost', async () => {
    const { service, file, target, emulator, waitEnd } = await setup(600);
    const sessionId = await openAndValidate(service, file);
    const slow: ImportTargetSource = async () => {
      const resolved = await target();
      if (!resolved.ok) return resolved;
      return { ok: true, target: { ...resolved.target, rate: { requests: 5, perMs: 1000 } } };
    };
    const started = await service.start(sessionId, 'all', slow);
    while (emulator.received.length < 100) await new Promise((r) => setTimeout(r, 20));
    await service.interruptAll();
    expect((await waitEnd(started.jobId)).end?.outcome).toBe('interrupted');

    const offered = await service.interrupted(emulatorDestination(emulator.url));
    expect(offered).toMatchObject([
      { jobId: started.jobId, state: 'interrupted', totalEvents: 600 },
    ]);
    const resumed = await service.continueJob(started.jobId, target);
    expect(resumed).toEqual({ jobId: started.jobId });
    await new Promise<void>((resolve) => {
      const check = () =>
        service.live().some((u) => u.jobId === started.jobId && u.end?.outcome === 'completed')
          ? resolve()
          : setTimeout(check, 20);
      check();
    });
    const customers = emulator.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(600);
    expect(await service.interrupted(emulatorDestination(emulator.url))).toEqual([]);
  });

  it('refuses to resume an import another program is sending, with who and since when', async () => {
    const { service, file, target, emulator, waitEnd } = await setup(600);
    const sessionId = await openAndValidate(service, file);
    const slow: ImportTargetSource = async () => {
      const resolved = await target();
      if (!resolved.ok) return resolved;
      return { ok: true, target: { ...resolved.target, rate: { requests: 5, perMs: 1000 } } };
    };
    const started = await service.start(sessionId, 'all', slow);
    while (emulator.received.length < 100) await new Promise((r) => setTimeout(r, 20));
    await service.interruptAll();
    await waitEnd(started.jobId);
    // A CLI started on it: a live process of this computer holds the job's lock.
    const jobDir = path.join(dataDirOf(file), 'jobs', started.jobId);
    const cli = await acquireJobLock(jobDir, { pid: process.ppid });
    const before = emulator.received.length;

    const refused = service.continueJob(started.jobId, target);
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `^This import is being sent by another program on this computer \\(process ${process.ppid}, since .+\\)\\. Wait for it to finish, or stop it, then resume\\.$`,
        ),
      ) as unknown,
    });
    expect(emulator.received.length).toBe(before); // nothing sent
    // Still offered.
    expect(await service.interrupted(emulatorDestination(emulator.url))).toMatchObject([
      { jobId: started.jobId },
    ]);

    await cli.release();
    await service.continueJob(started.jobId, target);
    const completed = () =>
      service.live().some((u) => u.jobId === started.jobId && u.end?.outcome === 'completed');
    while (!completed()) await new Promise((r) => setTimeout(r, 20));
    const customers = emulator.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(600);
    expect(customers).toHaveLength(600);
  });

  it('remembers the mapping for a file with the same columns', async () => {
    const { service, file } = await setup(3);
    await openAndValidate(service, file);
    const again = await service.open(files.register(file).handle);
    expect(again.recentMapping?.mapping.customer).toEqual({ column: 'customer_id' });
  });
});
