import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventsMapping, writeEventsCsv } from '../engine/testing/csv-files';
import { customersReceived, useMappedCliWorlds } from './testing/cli-world';

// The duplicate guard through the command line, against the emulator: what arrives is what the
// server counts, so each test asserts on the emulator's received events.

const KEY = 'cli-guard-key-12345678';
const world = useMappedCliWorlds(KEY, 'csi-guard-', eventsMapping);

/** Rows `from` to `to` (0-based) of the same generated events, as their own file. */
async function slice(dir: string, name: string, from: number, to: number): Promise<string> {
  const whole = await readFile(await writeEventsCsv(dir, to, [], `whole-${name}`), 'utf8');
  const [header = '', ...rows] = whole.trimEnd().split('\r\n');
  const file = path.join(dir, name);
  await writeFile(file, [header, ...rows.slice(from, to)].join('\r\n') + '\r\n');
  return file;
}

describe('the duplicate guard (send, validate)', () => {
  it('sends nothing the second time the same file is imported, says so, and exits 0', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 120);
    expect((await send(file)).code).toBe(0);
    expect(emulator.received).toHaveLength(120);

    const report = path.join(dir, 'not-sent.csv');
    const again = await send(file, '--report', report);
    expect(again.code).toBe(0);
    expect(emulator.received).toHaveLength(120);
    expect(again.stdout).toContain('0 events sent, 120 events skipped: already sent before');
    expect(again.stdout).toMatch(
      /already sent before: +120 \(skipped; --send-again sends them anyway\)/,
    );
    // The report lists them, with the reason and their cells.
    const rows = Papa.parse<string[]>((await readFile(report, 'utf8')).slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(121);
    expect(rows[1]?.join(',')).toMatch(
      /Already sent on \d{1,2} [A-Z][a-z]+ \d{4}, import of events\.csv: not sent again\./,
    );
    expect(rows[1]).toContain('cus_0');
  });

  it('sends only the new half of a file that overlaps an earlier one; --send-again sends all', async () => {
    const { dir, send, validate, emulator } = await world();
    const first = await slice(dir, 'january.csv', 0, 200);
    expect((await send(first)).code).toBe(0);
    expect(emulator.received).toHaveLength(200);

    const second = await slice(dir, 'february.csv', 100, 300);
    const checked = await validate(second);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(
      /100 of these events were already sent: on \d{1,2} [A-Z][a-z]+ \d{4}, import of january\.csv\. send skips them; --send-again sends them anyway\./,
    );

    const run = await send(second);
    expect(run.code).toBe(0);
    expect(emulator.received).toHaveLength(300);
    expect(new Set(customersReceived(emulator)).size).toBe(300); // each customer's event exactly once

    emulator.reset();
    const forced = await send(second, '--send-again');
    expect(forced.code).toBe(0);
    expect(emulator.received).toHaveLength(200);
    expect(forced.stdout).not.toContain('skipped');
  });

  it('--dry-run counts what a send would skip, and what --send-again would send', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 40);
    await send(file);
    emulator.reset();
    const dry = await send(file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/events to send: +0 in 0 requests/);
    expect(dry.stdout).toMatch(
      /already sent before: 40 \(a send skips them; --send-again sends them anyway\)/,
    );
    const forced = await send(file, '--dry-run', '--send-again');
    expect(forced.stdout).toMatch(/events to send: +40 in 1 request /);
    expect(emulator.received).toHaveLength(0);
  });

  it('refuses in words, sending nothing, when the record of sent events is damaged', async () => {
    const { dir, send, validate, emulator } = await world();
    const file = await writeEventsCsv(dir, 10);
    await send(file);
    const root = path.join(dir, 'home', 'ledger');
    const [destination] = await readdir(root);
    const folder = path.join(root, destination ?? '');
    const [segment] = (await readdir(folder)).filter((name) => name.startsWith('seg-'));
    await writeFile(path.join(folder, segment ?? ''), 'garbage');
    emulator.reset();
    for (const run of [await send(file), await validate(file)]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /The record of events already sent is damaged .*Clear it in Settings/,
      );
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    }
    expect(emulator.received).toHaveLength(0);
  });

  it('keeps destinations apart: the same events to another tracker key are sent', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 30);
    await send(file);
    emulator.reset();
    // Another endpoint (the same emulator under another address) is another destination.
    const run = await send(file, '--endpoint', emulator.url.replace('127.0.0.1', 'localhost'));
    expect(run.code).toBe(0);
    expect(emulator.received).toHaveLength(30);
  });
});
