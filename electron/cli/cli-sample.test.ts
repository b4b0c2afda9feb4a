import { describe, expect, it } from 'vitest';
import { eventsMapping, writeEventsCsv } from '../engine/testing/csv-files';
import { customersReceived, useMappedCliWorlds } from './testing/cli-world';

// `send --sample N`: the first N valid events, a stop that says how to go on, and `--resume`
// sending the rest: every event exactly once, checked on the emulator.

const KEY = 'cli-sample-key-12345678';
const world = useMappedCliWorlds(KEY, 'csi-sample-', eventsMapping);

describe('customerscore send --sample', () => {
  it('sends the first events, says where to look and how to go on, then --resume sends the rest once', async () => {
    const { dir, send, emulator } = await world();
    // Row 4 cannot be sent: the sample is the first five valid events.
    const file = await writeEventsCsv(dir, 250, [4]);
    const sampled = await send(file, '--sample', '5');
    expect(sampled.code).toBe(0);
    expect(customersReceived(emulator)).toEqual(['cus_0', 'cus_1', 'cus_3', 'cus_4', 'cus_5']);
    expect(sampled.stdout).toContain(
      'A sample of 5 events was sent; the rest of the file is still to send.',
    );
    expect(sampled.stdout).toContain(
      'Check them in Customerscore: the event history of cus_0, cus_1, cus_3, cus_4, cus_5.',
    );
    expect(sampled.stdout).toContain(
      'To send the rest of the file, run the same command with --resume.',
    );

    const rest = await send(file, '--resume');
    expect(rest.code).toBe(1); // row 4
    const sent = customersReceived(emulator);
    expect(sent).toHaveLength(249);
    expect(new Set(sent).size).toBe(249);
  });

  it('a sample larger than one chunk of the file, then the rest: every event once', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 3000);
    expect((await send(file, '--sample', '1000')).code).toBe(0);
    expect(emulator.received).toHaveLength(1000);
    expect((await send(file, '--resume')).code).toBe(0);
    expect(new Set(customersReceived(emulator)).size).toBe(3000);
    expect(emulator.received).toHaveLength(3000);
  });

  it('refuses a sample that is not a number of events, or given with --resume', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 10);
    for (const extra of [
      ['--sample', 'five'],
      ['--sample', '0'],
      ['--sample', '5', '--resume'],
    ]) {
      const run = await send(file, ...extra);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--sample|A sample starts a new import/);
    }
    expect(emulator.received).toHaveLength(0);
  });
});
