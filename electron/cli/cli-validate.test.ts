import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runCliInProcess, writeMapping } from './testing/cli-harness';

describe('customerscore validate', () => {
  it('prints counts and the first problems in plain words, and exits 1 when rows are invalid', async () => {
    const dir = await tempDir('csi-validate-');
    const file = await writeEventsCsv(dir, 40, [4, 9]);
    const report = path.join(dir, 'invalid.csv');
    const run = await runCliInProcess(
      ['validate', file, '--mapping', await writeMapping(dir, eventsMapping), '--report', report],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('events.csv: 40 rows');
    expect(run.stdout).toMatch(/valid: +38/);
    expect(run.stdout).toMatch(/invalid: +2/);
    expect(run.stdout).toMatch(/2 × timestamp not understood/);
    expect(run.stdout).toMatch(/row 4, occurred_at: .*not a date/);
    const text = await readFile(report, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r['row'])).toEqual(['4', '9']);
  });

  it('reads amounts with a decimal comma and says it chose the comma', async () => {
    const dir = await tempDir('csi-validate-');
    const file = path.join(dir, 'czech.csv');
    const rows = ['1 234,56', '12,5', '-3,20', '12,5,3'].map(
      (amount, i) => `nákup;3. 12. 2026 14:0${i};cus_${i};${amount};${i % 2 === 0 ? 'ano' : 'NE'}`,
    );
    await writeFile(file, ['Událost;Datum;Zákazník;Částka;Aktivní', ...rows, ''].join('\r\n'));
    const mapping: Mapping = {
      version: 1,
      name: { column: 'Událost' },
      timestamp: { column: 'Datum', timezone: 'Europe/Prague' },
      customer: { column: 'Zákazník' },
      customerData: {
        amount: { column: 'Částka', type: 'number' },
        active: { column: 'Aktivní', type: 'boolean' },
      },
    };
    const run = await runCliInProcess(
      ['validate', file, '--mapping', await writeMapping(dir, mapping)],
      {
        env: {},
        cwd: dir,
      },
    );
    expect(run.stdout).toContain(
      'Decimal mark of "Částka": Automatic: comma (1 234,56), because of values like "1 234,56".',
    );
    expect(run.stdout).toMatch(/invalid: +1/);
    expect(run.stdout).toContain('row 5, Částka: "12,5,3" is not a number');
    expect(run.code).toBe(1);
  });

  it('prints JSON with --json and exits 0 for a clean file', async () => {
    const dir = await tempDir('csi-validate-');
    const file = await writeEventsCsv(dir, 12);
    const run = await runCliInProcess(
      ['validate', file, '--mapping', await writeMapping(dir, eventsMapping), '--json'],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { totalRows: number; validRows: number };
    expect(parsed).toMatchObject({ totalRows: 12, validRows: 12 });
  });

  it('gives one clear error for a file that is not text', async () => {
    const dir = await tempDir('csi-validate-');
    const file = path.join(dir, 'customers.xlsx');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])),
    );
    const run = await runCliInProcess(
      ['validate', file, '--mapping', await writeMapping(dir, eventsMapping)],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Excel/);
  });

  it('exits 2 on a usage mistake', async () => {
    const run = await runCliInProcess(['validate'], { env: {}, cwd: '/' });
    expect(run.code).toBe(2);
  });
});
