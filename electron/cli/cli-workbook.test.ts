import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping';
import { tempDir } from '../engine/testing/csv-files';
import { compoundFile, zipBuffer } from '../engine/testing/zip-files';
import { runCliInProcess, spawnCli, writeMapping, type CliRun } from './testing/cli-harness';
import { useCliWorlds } from './testing/cli-world';

const KEY = 'cli-workbook-key-1234';
const FIXTURES = path.resolve(import.meta.dirname, '../../e2e/fixtures/workbooks');
const world = useCliWorlds(KEY, 'csi-workbook-');

function reportOf(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
    .data;
}

// The Czech CRM export of e2e/fixtures/workbooks/make-workbooks.py: date cells formatted
// d.m.yyyy h:mm, amounts with a currency format, booleans, an #N/A in H4, a blank row 5.
const crmMapping: Mapping = {
  version: 1,
  name: { value: 'contact_imported' },
  timestamp: { column: 'Vytvořeno', timezone: 'Europe/Prague' },
  customer: { column: 'ID zákazníka' },
  customerData: {
    name: { column: 'Jméno' },
    revenue: { column: 'Tržby (Kč)', type: 'number' },
    active: { column: 'Aktivní', type: 'boolean' },
    discount: { column: 'Sleva', type: 'number' },
    born: { column: 'Narozen' },
    revenueText: { column: 'Tržby (Kč)' },
  },
};

const crmEvents = [
  {
    name: 'contact_imported',
    timestamp: Date.UTC(2024, 2, 5, 13, 30),
    identification: { customer: 'CZ-1001' },
    data: {
      customer: {
        name: 'Jiří Šťastný',
        revenue: 12345.5,
        active: true,
        discount: 0.1,
        born: '1985-07-14',
        revenueText: '12345.5',
      },
    },
  },
  {
    name: 'contact_imported',
    timestamp: Date.UTC(2024, 2, 6, 8, 5),
    identification: { customer: 'CZ-1002' },
    data: {
      customer: {
        name: 'Žofie Dvořáková',
        revenue: 100,
        active: false,
        discount: 0.25,
        born: '1990-01-02',
        revenueText: '100',
      },
    },
  },
  {
    name: 'contact_imported',
    timestamp: Date.UTC(2023, 11, 31, 23, 0),
    identification: { customer: 'CZ-1004' },
    data: {
      customer: {
        name: 'Růžena Křížová',
        revenue: 0.99,
        active: false,
        discount: 0,
        born: '1970-12-24',
        revenueText: '0.99',
      },
    },
  },
];

describe('customerscore with workbooks', () => {
  for (const name of ['czech-crm.xlsx', 'czech-crm.xlsm', 'czech-crm.xls', 'czech-crm.ods']) {
    it(`sends ${name} exactly: typed cells, date cells as Prague wall clocks, the #N/A row reported`, async () => {
      const { dir, send, emulator } = await world();
      const report = path.join(dir, 'rejected.csv');
      const run = await send(
        path.join(FIXTURES, name),
        await writeMapping(dir, crmMapping),
        '--report',
        report,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(emulator.received.map((r) => r.event)).toEqual(crmEvents);
      const rows = reportOf(await readFile(report, 'utf8'));
      expect(rows.map((r) => r['row'])).toEqual(['4']); // the sheet's own row number
      expect(rows[0]?.['error']).toBe('H4 holds the Excel error #N/A (column "Sleva").');
      expect(rows[0]?.['Sleva']).toBe('#N/A');
      expect(rows[0]?.['Vytvořeno']).toBe('2023-12-31T23:59:59');
    });
  }

  for (const name of ['date-1904.xlsx', 'date-1904.xls', 'date-1904.ods']) {
    it(`reads the dates of a 1904-system workbook (${name}) as they show`, async () => {
      const { dir, send, emulator } = await world();
      const mapping: Mapping = {
        version: 1,
        name: { column: 'event' },
        timestamp: { column: 'occurred_at', timezone: 'UTC' },
        customer: { column: 'customer_id' },
        customerData: { day: { column: 'day' } },
      };
      const report = path.join(dir, 'rejected.csv');
      const run = await send(
        path.join(FIXTURES, name),
        await writeMapping(dir, mapping),
        '--report',
        report,
      );
      expect(emulator.received.map((r) => r.event)).toEqual([
        {
          name: 'signed_up',
          timestamp: Date.UTC(2024, 2, 5, 14, 30),
          identification: { customer: 'cus_1' },
          data: { customer: { day: '2024-03-05' } },
        },
      ]);
      // The second row's date is 1999-12-31 08:00, as it shows in Excel: before the API's year 2000.
      expect(run.code).toBe(1);
      const rows = reportOf(await readFile(report, 'utf8'));
      expect(rows.map((r) => [r['row'], r['occurred_at'], r['day']])).toEqual([
        ['3', '1999-12-31T08:00:00', '1904-01-02'],
      ]);
      expect(rows[0]?.['error']).toMatch(/1999-12-31 08:00:00 \(UTC\)/);
    });
  }

  const orders: Mapping = {
    version: 1,
    name: { value: 'order' },
    timestamp: { value: '2024-03-05T10:00:00Z' },
    customer: { column: 'Číslo' },
    customerData: { amount: { column: 'Částka', type: 'number' } },
  };

  it('validates the first visible sheet of several and says which, naming the others', async () => {
    const { dir } = await world();
    const mapping: Mapping = { ...orders, customer: { column: 'E-mail' }, customerData: {} };
    const run = await runCliInProcess(
      [
        'validate',
        path.join(FIXTURES, 'three-sheets.xlsx'),
        '--mapping',
        await writeMapping(dir, mapping),
      ],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Read the sheet "Kontakty" of three-sheets.xlsx, the first visible one. Its other sheets are "Nastavení" (hidden) and "Objednávky"; to read another, add --sheet <name>',
    );
    expect(run.stdout).toContain('three-sheets.xlsx: 2 rows');
  });

  it("reads the sheet --sheet names, over the mapping's, and says nothing more", async () => {
    const { dir, send, emulator } = await world();
    const mapping = await writeMapping(dir, { ...orders, source: { sheet: 'Kontakty' } });
    const run = await send(
      path.join(FIXTURES, 'three-sheets.ods'),
      mapping,
      '--sheet',
      'objednávky',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Read the sheet');
    expect(emulator.received.map((r) => r.event.identification.customer)).toEqual([
      'OBJ-001',
      'OBJ-002',
      'OBJ-003',
      'OBJ-004',
      'OBJ-005',
    ]);
    expect(emulator.received.map((r) => r.event.data?.customer?.['amount'])).toEqual([
      100.5, 201, 301.5, 402, 502.5,
    ]);
  });

  it('names the sheets there are when --sheet names none of them', async () => {
    const { dir } = await world();
    const run = await runCliInProcess(
      [
        'validate',
        path.join(FIXTURES, 'three-sheets.xls'),
        '--mapping',
        await writeMapping(dir, orders),
        '--sheet',
        'Orders',
      ],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'three-sheets.xls has no sheet named "Orders". Its sheets are "Nastavení" (hidden), "Kontakty" and "Objednávky".',
    );
  });
});

/** Runs the real CLI as a process, as a person would. */
function runProcess(args: string[], cwd: string): Promise<CliRun> {
  const child = spawnCli(args, { env: {}, cwd });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

describe('customerscore refusing a workbook it cannot read', () => {
  it('says in one sentence what is wrong, exits 2, and prints no stack trace', async () => {
    const dir = await tempDir('csi-workbook-refusals-');
    const mapping = await writeMapping(dir, {
      version: 1,
      name: { column: 'event' },
      timestamp: { column: 'occurred_at' },
      customer: { column: 'customer_id' },
    });
    const cut = path.join(dir, 'cut.xlsx');
    await copyFile(path.join(FIXTURES, 'czech-crm.xlsx'), cut);
    await truncate(cut, 3000);
    const huge = path.join(dir, 'huge.xls');
    await writeFile(huge, compoundFile(['Workbook', '\u0005SummaryInformation']));
    await truncate(huge, 31 * 1024 * 1024); // sparse: no 31 MB written
    const files: [string, Uint8Array | null, RegExp][] = [
      [
        'secret.xlsx',
        compoundFile(['EncryptionInfo', 'EncryptedPackage']),
        /^secret\.xlsx is protected with a password, so it cannot be read\./,
      ],
      [
        'binary.xlsb',
        zipBuffer([{ name: 'xl/workbook.bin', data: new Uint8Array([0x83, 0x01, 0x00]) }]),
        /^binary\.xlsb is an Excel binary workbook \(\.xlsb\)/,
      ],
      ['cut.xlsx', null, /^cut\.xlsx is damaged: it is not a complete workbook/],
      [
        'photos.xlsx',
        zipBuffer([{ name: 'photo.txt', data: 'not a workbook' }]),
        /^photos\.xlsx is a ZIP archive but not an Excel workbook/,
      ],
      [
        'huge.xls',
        null,
        /^huge\.xls is larger than 30 MB, too large to read as \.xls; save it as \.xlsx in Excel/,
      ],
    ];
    for (const [name, data, words] of files) {
      if (data !== null) await writeFile(path.join(dir, name), data);
      const run = await runProcess(['validate', name, '--mapping', mapping], dir);
      expect(run.code, name).toBe(2);
      expect(run.stdout, name).toBe('');
      const message = run.stderr.trim();
      expect(message, name).toMatch(words);
      expect(message.split('\n'), name).toHaveLength(1);
      expect(message, name).not.toMatch(/Error:|\bat .+:\d+|node_modules|yauzl|saxes/);
    }
  }, 60_000);
});
