import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runCliInProcess, spawnCli, writeMapping } from './testing/cli-harness';

// `validate` and `send` on CSV shapes from real exports, as a person at the
// terminal reads them.

const exportFixture = (name: string) =>
  fileURLToPath(new URL(`../../e2e/fixtures/exports/${name}`, import.meta.url));

interface Child {
  stdout: Readable;
  stderr: Readable;
  on(event: 'close', listener: (code: number | null) => void): unknown;
}

async function finished(child: Child) {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

const czechMapping: Mapping = {
  version: 1,
  name: { column: 'Událost' },
  timestamp: { column: 'Datum', format: 'd.M.yyyy', timezone: 'Europe/Prague' },
  customer: { column: 'ID' },
  customerData: { name: { column: 'Zákazník' }, note: { column: 'Poznámka' } },
};

describe('validate on real export shapes', () => {
  it('says in a real process with LANG=cs_CZ.UTF-8 that the Czech file is windows-1250, and why', async () => {
    const dir = await tempDir('csi-shapes-');
    const mapping = await writeMapping(dir, czechMapping);
    const file = exportFixture('czech-contacts-windows-1250.csv');
    const czech = await finished(
      spawnCli(['validate', file, '--mapping', mapping], {
        env: { LANG: 'cs_CZ.UTF-8' },
        cwd: dir,
      }),
    );
    expect(czech.stderr).toBe('');
    expect(czech.code).toBe(0);
    expect(czech.stdout).toContain(
      'encoding: windows-1250 (Central European): the code page Excel writes on this computer; the file could also be windows-1252 (Western European).',
    );
    // On a Western computer, the same bytes read as Western European, and the line says so.
    const western = await runCliInProcess(['validate', file, '--mapping', mapping, '--json'], {
      env: { LANG: 'de_DE.UTF-8' },
      cwd: dir,
    });
    const parsed = JSON.parse(western.stdout) as { encoding: { name: string } };
    expect(parsed.encoding.name).toBe('windows-1252');
  });

  it('reads the Hungarian export as windows-1250 on a Hungarian computer', async () => {
    const dir = await tempDir('csi-shapes-');
    const mapping = await writeMapping(dir, {
      version: 1,
      name: { column: 'Esemény' },
      timestamp: { column: 'Dátum', format: 'yyyy.MM.dd HH:mm', timezone: 'Europe/Budapest' },
      customer: { column: 'E-mail' },
      customerData: { name: { column: 'Ügyfél' } },
    });
    const run = await runCliInProcess(
      ['validate', exportFixture('hungarian-windows-1250.csv'), '--mapping', mapping],
      { env: { LC_ALL: 'hu_HU.UTF-8' }, cwd: dir },
    );
    expect(run.stdout).toMatch(/encoding: windows-1250 \(Central European\)/);
  });

  it('proposes row 14 of the bank export instead of its title line as a column name', async () => {
    const dir = await tempDir('csi-shapes-');
    const mapping = await writeMapping(dir, {
      version: 1,
      name: { column: 'Buchungstext' },
      timestamp: { column: 'Buchungstag', format: 'dd.MM.yyyy', timezone: 'Europe/Berlin' },
      customer: { column: 'Kundennummer' },
    });
    const file = exportFixture('german-bank-preamble.csv');
    const run = await runCliInProcess(['validate', file, '--mapping', mapping], {
      env: {},
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Row 14 looks like the column names; the rows above it look like a title or notes. To read the table from there, set "source": { "headerRow": 14 } in the mapping file.',
    );
    expect(run.stderr).not.toContain('Umsätze Girokonto');
    // Applied as the sentence says, the file validates.
    const applied = await writeMapping(
      dir,
      {
        version: 1,
        source: { headerRow: 14 },
        name: { column: 'Buchungstext' },
        timestamp: { column: 'Buchungstag', format: 'dd.MM.yyyy', timezone: 'Europe/Berlin' },
        customer: { column: 'Kundennummer' },
      },
      'applied.json',
    );
    const fixed = await runCliInProcess(['validate', file, '--mapping', applied], {
      env: {},
      cwd: dir,
    });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('german-bank-preamble.csv: 3 rows');
    // `send` says the same (its job reads the file itself).
    const send = await runCliInProcess(
      ['send', file, '--mapping', mapping, '--tracker-key', 'CS-TEST1', '--dry-run'],
      { env: { CUSTOMERSCORE_HOME: path.join(dir, 'home') }, cwd: dir },
    );
    expect(send.stderr).toContain('set "source": { "headerRow": 14 } in the mapping file.');
  });

  it('counts the rows a stray quote swallowed as invalid and reports each with its number', async () => {
    const dir = await tempDir('csi-shapes-');
    const mapping = await writeMapping(dir, {
      version: 1,
      name: { column: 'event' },
      timestamp: { value: '2024-04-01T00:00:00Z' },
      customer: { column: 'customer_id' },
      customerData: { note: { column: 'note' } },
    });
    const report = path.join(dir, 'rejected.csv');
    const run = await runCliInProcess(
      [
        'validate',
        exportFixture('stray-quote-closed.csv'),
        '--mapping',
        mapping,
        '--report',
        report,
      ],
      { env: {}, cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/stray-quote-closed.csv: 8 rows/);
    expect(run.stdout).toMatch(/valid: +3/);
    expect(run.stdout).toMatch(/invalid: +5/);
    expect(run.stdout).toContain('5 × read into a quote that never closes');
    expect(run.stdout).toContain(
      'row 3: A double quote (") opens a value in row 3 and never closes, so rows 3 to 7 were read as one cell.',
    );
    const rows = Papa.parse<Record<string, string>>((await readFile(report, 'utf8')).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => row['row'])).toEqual(['3', '4', '5', '6', '7']);
    expect(rows[2]).toMatchObject({ customer_id: 'c-4', event: 'purchase', note: 'fine' });
  });

  it('marks an event larger than a request may carry as invalid, as send does', async () => {
    const dir = await tempDir('csi-shapes-');
    const file = path.join(dir, 'huge.csv');
    const huge = 'x'.repeat(5_100_000);
    await writeFile(file, `event,customer_id,note\nsignup,c-1,${huge}\nsignup,c-2,small\n`);
    const mapping = await writeMapping(dir, {
      version: 1,
      name: { column: 'event' },
      timestamp: { value: '2024-04-01T00:00:00Z' },
      customer: { column: 'customer_id' },
      customerData: { note: { column: 'note' } },
    });
    const run = await runCliInProcess(['validate', file, '--mapping', mapping], {
      env: {},
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/valid: +1/);
    expect(run.stdout).toMatch(/invalid: +1/);
    expect(run.stdout).toContain('1 × event too large to send');
    expect(run.stdout).toMatch(/row 2: This row makes an event of 5\.1 MB/);
  });

  it('ends quietly when the reader of its output goes away (validate … | head -1)', async () => {
    const dir = await tempDir('csi-shapes-');
    const broken = Array.from({ length: 3000 }, (_, i) => i + 2);
    const file = await writeEventsCsv(dir, 3000, broken);
    const mapping = await writeMapping(dir, eventsMapping);
    const tsx = import.meta.resolve('tsx');
    const entry = path.resolve(import.meta.dirname, 'index.ts');
    // The JSON of 1,000 problems is larger than a pipe holds, so writes go on after head left.
    const script = `"${process.execPath}" --import "${tsx}" "${entry}" validate "${file}" --mapping "${mapping}" --json | head -1; echo "exit:\${PIPESTATUS[0]}"`;
    const child = spawn('bash', ['--norc', '--noprofile', '-c', script], {
      cwd: dir,
      env: { PATH: process.env['PATH'] },
    });
    const run = await finished(child);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('{\nexit:1\n');
  });
});
