import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping';
import { eventsMapping, writeEventsCsv } from '../engine/testing/csv-files';
import { runCliInProcess, writeMapping } from './testing/cli-harness';
import { useCliWorlds } from './testing/cli-world';

const KEY = 'cli-test-key-12345678';
const world = useCliWorlds(KEY, 'csi-cli-');

function reportOf(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
    .data;
}

describe('customerscore send', () => {
  it('sends every row of a valid file and exits 0', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 300);
    const run = await send(file, await writeMapping(dir, eventsMapping));
    expect(run.code).toBe(0);
    expect(emulator.received).toHaveLength(300);
    expect(run.stdout).toContain('300 events sent');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('reads a UTF-8 file with a BOM, CRLF endings and line breaks inside quotes', async () => {
    const { dir, send, emulator } = await world();
    const text =
      '\uFEFFevent,occurred_at,customer_id,note\r\n' +
      'signup,2024-04-01T09:00:00Z,cus_1,"first line\r\nsecond line, with comma"\r\n' +
      'upgrade,2024-04-02T10:30:00+02:00,cus_2,"said ""hello"""\r\n';
    const file = path.join(dir, 'bom.csv');
    await writeFile(file, text);
    const mapping: Mapping = {
      version: 1,
      name: { column: 'event' },
      timestamp: { column: 'occurred_at' },
      customer: { column: 'customer_id' },
      customerData: { note: { column: 'note' } },
    };
    const run = await send(file, await writeMapping(dir, mapping));
    expect(run.code).toBe(0);
    expect(emulator.received.map((r) => r.event)).toEqual([
      {
        name: 'signup',
        timestamp: Date.UTC(2024, 3, 1, 9),
        identification: { customer: 'cus_1' },
        data: { customer: { note: 'first line\r\nsecond line, with comma' } },
      },
      {
        name: 'upgrade',
        timestamp: Date.UTC(2024, 3, 2, 8, 30),
        identification: { customer: 'cus_2' },
        data: { customer: { note: 'said "hello"' } },
      },
    ]);
  });

  it('reads a Windows-1252 semicolon file with dd.MM.yyyy HH:mm times in Europe/Berlin', async () => {
    const { dir, send, emulator } = await world();
    const text =
      'Ereignis;Zeitpunkt;Kunde;Stadt\r\n' +
      'Kauf;31.03.2024 01:30;K-1;Köln\r\n' + // before the spring-forward gap: UTC+1
      'Kauf;01.04.2024 12:00;K-2;Besançon\r\n' + // summer time: UTC+2
      'Kündigung;15.01.2024 08:05;K-3;Straße €\r\n';
    const file = path.join(dir, 'export.csv');
    await writeFile(file, iconv.encode(text, 'win1252'));
    const mapping: Mapping = {
      version: 1,
      name: { column: 'Ereignis' },
      timestamp: { column: 'Zeitpunkt', format: 'dd.MM.yyyy HH:mm', timezone: 'Europe/Berlin' },
      customer: { column: 'Kunde' },
      customerData: { city: { column: 'Stadt' } },
    };
    const run = await send(file, await writeMapping(dir, mapping));
    expect(run.code).toBe(0);
    expect(emulator.received.map((r) => r.event)).toEqual([
      {
        name: 'Kauf',
        timestamp: Date.UTC(2024, 2, 31, 0, 30),
        identification: { customer: 'K-1' },
        data: { customer: { city: 'Köln' } },
      },
      {
        name: 'Kauf',
        timestamp: Date.UTC(2024, 3, 1, 10),
        identification: { customer: 'K-2' },
        data: { customer: { city: 'Besançon' } },
      },
      {
        name: 'Kündigung',
        timestamp: Date.UTC(2024, 0, 15, 7, 5),
        identification: { customer: 'K-3' },
        data: { customer: { city: 'Straße €' } },
      },
    ]);
  });

  it('sends the good rows, exits 1, and reports exactly the bad rows', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 150, [3, 60, 151]);
    const report = path.join(dir, 'rejected.csv');
    const run = await send(file, await writeMapping(dir, eventsMapping), '--report', report);
    expect(run.code).toBe(1);
    expect(emulator.received).toHaveLength(147);
    const rows = reportOf(await readFile(report, 'utf8'));
    expect(rows.map((r) => r['row'])).toEqual(['3', '60', '151']);
    expect(rows.every((r) => r['occurred_at'] === 'not a date')).toBe(true);
  });

  it('rides out a 429 storm: waits, retries and loses nothing', async () => {
    const { dir, send, emulator } = await world();
    emulator.startStorm({ forRequests: 3, retryAfterSeconds: 1 });
    const file = await writeEventsCsv(dir, 250);
    const run = await send(file, await writeMapping(dir, eventsMapping));
    expect(run.code).toBe(0);
    expect(emulator.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
    const customers = new Set(emulator.received.map((r) => r.event.identification.customer));
    expect(customers.size).toBe(250);
    expect(emulator.received).toHaveLength(250);
  });

  it('retries 5xx answers and lost connections; no event is lost', async () => {
    const { dir, send, emulator } = await world({
      faults: { serverError: 0.2, resetBefore: 0.1, resetAfter: 0.05 },
      seed: 7,
    });
    const file = await writeEventsCsv(dir, 2000);
    const run = await send(file, await writeMapping(dir, eventsMapping));
    expect(run.code).toBe(0);
    const customers = new Set(emulator.received.map((r) => r.event.identification.customer));
    expect(customers.size).toBe(2000);
    // Only a request processed but never answered can bring a duplicate, and the summary says so.
    const duplicates = emulator.received.length - customers.size;
    const resetAfter = emulator.requests.filter((r) => r.outcome === 'reset-after');
    expect(duplicates).toBeLessThanOrEqual(resetAfter.reduce((sum, r) => sum + r.events, 0));
    if (duplicates > 0) expect(run.stdout).toMatch(/possible duplicates: +[1-9]/);
  });

  it('isolates the one event the server refuses: the 99 others arrive', async () => {
    const { dir, send, emulator } = await world({
      rejectEvent: (event) =>
        event.identification.customer === 'cus_57'
          ? 'events[57].data.customer.plan is not allowed'
          : null,
    });
    const file = await writeEventsCsv(dir, 100);
    const report = path.join(dir, 'rejected.csv');
    const run = await send(file, await writeMapping(dir, eventsMapping), '--report', report);
    expect(run.code).toBe(1);
    expect(emulator.received).toHaveLength(99);
    const rows = reportOf(await readFile(report, 'utf8'));
    expect(rows.map((r) => r['row'])).toEqual(['59']);
    expect(rows[0]?.['error']).toContain('not allowed');
  });

  it('stops on 401 with exit 2 and sends nothing more', async () => {
    const { dir, env, emulator } = await world();
    const file = await writeEventsCsv(dir, 2000);
    const run = await runCliInProcess(
      [
        'send',
        file,
        '--mapping',
        await writeMapping(dir, eventsMapping),
        '--tracker-key',
        'CS-TEST1',
        '--endpoint',
        emulator.url,
        '--rate',
        '1000/1s',
      ],
      { env: { ...env, CUSTOMERSCORE_KEY: 'not-the-right-key' }, cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/API key/);
    expect(emulator.received).toHaveLength(0);
    expect(emulator.requests.length).toBeLessThanOrEqual(4); // at most the requests already in flight
    expect(run.stdout + run.stderr).not.toContain('not-the-right-key');
  });

  it('exits 2 with a plain message for a broken mapping file, before reading anything', async () => {
    const { dir, send } = await world();
    const file = await writeEventsCsv(dir, 5);
    const mapping = path.join(dir, 'bad.json');
    await writeFile(
      mapping,
      JSON.stringify({
        version: 1,
        name: { column: 'event' },
        timestamp: { column: 'occurred_at' },
      }),
    );
    const run = await send(file, mapping);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/customer/);
  });

  it('--dry-run packs everything and sends nothing', async () => {
    const { dir, send, emulator } = await world();
    const file = await writeEventsCsv(dir, 250, [10]);
    const run = await send(file, await writeMapping(dir, eventsMapping), '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('249 in 3 requests');
    expect(emulator.requests).toHaveLength(0);
  });
});
