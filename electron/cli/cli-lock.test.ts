import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runChild, waitFor, writeMapping } from './testing/cli-harness';

const KEY = 'lock-test-key-1234';
let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

describe('two CLI processes resuming the same import at once', () => {
  it('exactly one sends; the other exits 2 naming who holds the job; each event arrives once', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null, faults: { latencyMs: 20 } });
    const live = emulator;
    const dir = await tempDir('csi-lock-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY };
    const file = await writeEventsCsv(dir, 1000);
    const mapping = await writeMapping(dir, eventsMapping);
    const args = ['send', file, '--mapping', mapping, '--tracker-key', 'CS-TEST1'];
    const target = ['--endpoint', live.url, '--rate', '2/1s'];

    // An interrupted job: SIGTERM stops it like Ctrl+C, after the requests under way, so every
    // event sent so far is confirmed in the journal and a resume sends none of them again.
    const first = await runChild([...args, ...target], { env, cwd: dir }, (child) => {
      void waitFor(() => live.received.length >= 200, 60_000).then(() => child.kill('SIGTERM'));
    });
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/--resume/);
    const sentBefore = live.received.length;
    expect(sentBefore).toBeLessThan(1000);

    const both = await Promise.all([
      runChild([...args, ...target, '--resume'], { env, cwd: dir }),
      runChild([...args, ...target, '--resume'], { env, cwd: dir }),
    ]);
    const codes = both.map((run) => run.code).sort();
    expect(codes).toEqual([0, 2]);
    const refused = both.find((run) => run.code === 2);
    expect(refused?.stderr).toMatch(
      /^This import is being sent by another program on this computer \(process \d+, since \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d\)\. Wait for it to finish, or stop it, then resume\.$/m,
    );
    expect(refused?.stdout).not.toMatch(/events sent/);
    expect(both.find((run) => run.code === 0)?.stdout).toMatch(/complete: 1,000 events sent/);

    const customers = live.received.map((r) => r.event.identification.customer);
    expect(customers).toHaveLength(1000);
    expect(new Set(customers).size).toBe(1000);
  });
});
