import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runChild, waitFor, runCliInProcess, writeMapping } from './testing/cli-harness';

// A resume sends the API key only where its job was started, and only while the profile (or the
// command's flags) still points there: the journal is a file in the data directory, which anyone
// who can write there can edit.

const KEY = 'destination-test-key-1234';
const emulators: Emulator[] = [];

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function emulatorOn(host?: string): Promise<Emulator> {
  const started = await startEmulator({ apiKeys: [KEY], rateLimit: null, host });
  emulators.push(started);
  return started;
}

/** Starts a real import and stops it (SIGTERM, like Ctrl+C) once `to` has some of its events. */
async function interruptedImport(
  args: string[],
  env: Record<string, string>,
  dir: string,
  to: Emulator,
) {
  const first = await runChild(args, { env, cwd: dir }, (child) => {
    void waitFor(() => to.received.length >= 100, 60_000).then(() => child.kill('SIGTERM'));
  });
  expect(first.code).toBe(2);
  expect(first.stdout).toMatch(/--resume/);
  expect(to.received.length).toBeLessThan(1000);
}

/** The one job's journal, with its header's endpoint replaced by `endpoint`. */
async function editJournalEndpoint(home: string, endpoint: string): Promise<void> {
  const [jobId] = await readdir(path.join(home, 'jobs'));
  const file = path.join(home, 'jobs', jobId ?? '', 'journal.jsonl');
  const [header = '', ...rest] = (await readFile(file, 'utf8')).split('\n');
  const parsed = JSON.parse(header) as { settings: { endpoint: string } };
  parsed.settings.endpoint = endpoint;
  await writeFile(file, [JSON.stringify(parsed), ...rest].join('\n'));
}

describe('customerscore send --resume and where the key goes', () => {
  it('refuses a journal edited on disk to another endpoint: exit 2, both named, nothing sent there', async () => {
    const started = await emulatorOn();
    const other = await emulatorOn('127.0.0.2');
    const sameHostOther = await emulatorOn();
    const dir = await tempDir('csi-destination-');
    const home = path.join(dir, 'home');
    const env = { CUSTOMERSCORE_HOME: home, CUSTOMERSCORE_KEY: KEY };
    const file = await writeEventsCsv(dir, 1000);
    const mapping = await writeMapping(dir, eventsMapping);
    const args = ['send', file, '--mapping', mapping, '--tracker-key', 'CS-TEST1'];
    const target = ['--endpoint', started.url, '--rate', '2/1s'];
    await interruptedImport([...args, ...target], env, dir, started);
    const sentBefore = started.received.length;

    // Plain http to a host other than this computer: not an address a key may go to.
    await editJournalEndpoint(home, other.url);
    const plain = await runChild([...args, ...target, '--resume'], { env, cwd: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(`started for tracker key CS-TEST1 at ${other.url}`);
    expect(plain.stderr).toContain(`would send to tracker key CS-TEST1 at ${started.url}`);
    expect(plain.stderr).toContain('Nothing was sent');
    expect(plain.stderr).not.toContain(KEY);

    // An allowed address, but not the one this command sends to.
    const elsewhere = sameHostOther.url.replace('127.0.0.1', 'localhost');
    await editJournalEndpoint(home, elsewhere);
    const moved = await runChild([...args, ...target, '--resume'], { env, cwd: dir });
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain(`started for tracker key CS-TEST1 at ${elsewhere}`);
    expect(moved.stderr).toContain(`would send to tracker key CS-TEST1 at ${started.url}`);

    expect(other.received).toHaveLength(0);
    expect(sameHostOther.received).toHaveLength(0);
    expect(started.received).toHaveLength(sentBefore);
  }, 90_000);

  it('refuses when the profile was pointed elsewhere after the job started: nothing reaches either', async () => {
    const started = await emulatorOn();
    const later = await emulatorOn();
    const dir = await tempDir('csi-destination-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY };
    const cli = (...args: string[]) => runCliInProcess(args, { env, cwd: dir });
    const profile = ['profile', 'set', '--tracker-key', 'CS-TEST1', '--rate', '2/1s'];
    expect((await cli(...profile, '--endpoint', started.url)).code).toBe(0);
    const file = await writeEventsCsv(dir, 1000);
    const mapping = await writeMapping(dir, eventsMapping);
    const args = ['send', file, '--mapping', mapping];
    await interruptedImport(args, env, dir, started);
    const sentBefore = started.received.length;

    expect((await cli(...profile, '--endpoint', later.url)).code).toBe(0);
    const resumed = await runChild([...args, '--resume'], { env, cwd: dir });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(`started for tracker key CS-TEST1 at ${started.url}`);
    expect(resumed.stderr).toContain(`would send to tracker key CS-TEST1 at ${later.url}`);
    expect(later.received).toHaveLength(0);
    expect(started.received).toHaveLength(sentBefore);

    // Pointed back, the same job resumes and finishes: nothing lost, nothing twice.
    expect((await cli(...profile, '--endpoint', started.url, '--rate', '1000/1s')).code).toBe(0);
    const back = await runChild([...args, '--resume'], { env, cwd: dir });
    expect(back.code).toBe(0);
    const customers = started.received.map((r) => r.event.identification.customer);
    expect(new Set(customers).size).toBe(1000);
    expect(customers).toHaveLength(1000);
  }, 90_000);
});
