import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { waitFor, runCliInProcess, spawnCli, writeMapping } from './testing/cli-harness';

const KEY = 'resume-test-key-1234';
let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

describe('customerscore send after kill -9', () => {
  it('resumes from the journal: nothing lost, duplicates bounded by what was in flight', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null, faults: { latencyMs: 30 } });
    const dir = await tempDir('csi-resume-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY };
    const file = await writeEventsCsv(dir, 3000);
    const mapping = await writeMapping(dir, eventsMapping);
    const args = ['send', file, '--mapping', mapping, '--tracker-key', 'CS-TEST1'];
    const target = ['--endpoint', emulator.url, '--rate', '20/1s'];

    const child = spawnCli([...args, ...target], { env, cwd: dir });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const live = emulator;
    await waitFor(() => live.received.length >= 800, 60_000);
    child.kill('SIGKILL');
    await exited;
    const beforeResume = live.received.length;
    expect(beforeResume).toBeLessThan(3000);

    const resumed = await runCliInProcess([...args, ...target, '--resume'], { env, cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/Resuming the import of events\.csv/);

    const customers = live.received.map((r) => r.event.identification.customer);
    const unique = new Set(customers);
    expect(unique.size).toBe(3000); // nothing lost
    // Duplicates only from requests that were under way when the process died: at most 4 × 100.
    expect(customers.length - unique.size).toBeLessThanOrEqual(400);
  });

  it('refuses to resume when the file changed since the import started', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null, faults: { latencyMs: 30 } });
    const dir = await tempDir('csi-resume-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY };
    const file = await writeEventsCsv(dir, 2000);
    const mapping = await writeMapping(dir, eventsMapping);
    const args = ['send', file, '--mapping', mapping, '--tracker-key', 'CS-TEST1'];
    const target = ['--endpoint', emulator.url, '--rate', '10/1s'];
    const child = spawnCli([...args, ...target], { env, cwd: dir });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const live = emulator;
    await waitFor(() => live.received.length >= 100, 60_000);
    child.kill('SIGKILL');
    await exited;
    await appendFile(file, 'signup,2024-05-01T00:00:00Z,cus_new,con_new,Pro,1,new@example.com\r\n');

    const resumed = await runCliInProcess([...args, ...target, '--resume'], { env, cwd: dir });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/events\.csv has changed/);
  });

  it('refuses --resume when there is nothing to resume', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
    const dir = await tempDir('csi-resume-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY };
    const file = await writeEventsCsv(dir, 10);
    const mapping = await writeMapping(dir, eventsMapping);
    const run = await runCliInProcess(
      [
        'send',
        file,
        '--mapping',
        mapping,
        '--tracker-key',
        'CS-TEST1',
        '--endpoint',
        emulator.url,
        '--resume',
      ],
      { env, cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No interrupted import of events\.csv/);
  });
});
