// Validating an Excel workbook of Excel's maximum size (1,048,576 rows: the header and 1,048,575
// data rows of ten columns with date cells, numbers, booleans, shared and inline strings, written
// by electron/engine/testing/workbook-files.ts) against SheetJS (`@e965/xlsx`) merely reading the
// same file into memory, measured in the same run, each side in its own process so that each peak
// memory figure is its own. Targets: validation faster than SheetJS's read, peak RSS at most
// 300 MB.
// Run: npm run bench (all figures) or node --import tsx bench/workbook.bench.ts
// BENCH_WORKBOOK_ROWS changes the number of data rows (default 1,048,575) for a quick run.
import { execFileSync } from 'node:child_process';
import { readFile, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Mapping } from '../shared/mapping';
import { writeLargeWorkbook } from '../electron/engine/testing/workbook-files';
import { validateFile } from '../electron/engine/validation/validate';

const rows = Number(process.env['BENCH_WORKBOOK_ROWS'] ?? 1_048_575);
const phase = process.argv[2];
const MAX_RSS_MB = 300;

const mapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  // UTC: the generated times fall on every minute of the day, spring's missing hour included.
  timestamp: { column: 'occurred_at', timezone: 'UTC' },
  customer: { column: 'customer_id' },
  contact: { column: 'contact_id' },
  customerData: {
    plan: { column: 'plan' },
    mrr: { column: 'mrr', type: 'number' },
    seats: { column: 'seats', type: 'number' },
    active: { column: 'active', type: 'boolean' },
    note: { column: 'note' },
  },
  contactData: { email: { column: 'email' } },
};

/** The workbook of `rows` data rows, written once to the temp folder and reused. */
async function generatedWorkbook(count: number): Promise<string> {
  const file = path.join(tmpdir(), `customerscore-bench-v1-${count}.xlsx`);
  const existing = await stat(file).catch(() => null);
  if (existing && existing.size > 0) return file;
  const partial = `${file}.partial.xlsx`;
  await writeLargeWorkbook(partial, count);
  await rename(partial, file);
  return file;
}

async function validate(file: string): Promise<number> {
  const result = await validateFile({
    path: file,
    mapping,
    // The generated dates run ten years from 2024: "now" after them, so every row is valid.
    now: Date.UTC(2035, 0, 1),
  });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  if (result.summary.invalidRows > 0) throw new Error(`${result.summary.invalidRows} invalid rows`);
  return result.summary.totalRows;
}

/** SheetJS reading the file into its in-memory workbook (dense, its leaner form), no more. */
async function sheetjsRead(file: string): Promise<number> {
  const workbook = XLSX.read(await readFile(file), { type: 'buffer', dense: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  const data = (sheet as { '!data'?: unknown[] } | undefined)?.['!data'] ?? [];
  return data.length - 1;
}

const sides: Record<string, (file: string) => Promise<number>> = {
  sheetjs: sheetjsRead,
  validate,
};

type Measured = { ms: number; rows: number; peakRssMb: number } | { error: string };

async function measure(which: string, file: string): Promise<void> {
  const side = sides[which];
  if (!side) throw new Error(`no bench side ${which}`);
  const start = performance.now();
  const count = await side(file);
  const ms = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rows: count, peakRssMb }));
}

function child(which: string, file: string): Measured {
  try {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, which, file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measured;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const heap = /heap out of memory/i.test(stderr);
    const line = stderr.split('\n').find((text) => /Error/.test(text)) ?? 'failed';
    return { error: heap ? 'ran out of memory' : line.trim() };
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (phase !== undefined && phase in sides) {
  await measure(phase, process.argv[3] ?? '');
} else {
  const file = await generatedWorkbook(rows);
  const size = (await stat(file)).size;
  console.log(
    `workbook of ${(rows + 1).toLocaleString('en')} rows (header included), ${(size / 1e6).toFixed(0)} MB`,
  );
  const read = child('sheetjs', file);
  const ours = child('validate', file);
  if ('error' in read) console.log(`SheetJS (@e965/xlsx) read: ${read.error}`);
  else {
    console.log(
      `SheetJS (@e965/xlsx) read (baseline) ${read.rows.toLocaleString('en')} rows: ` +
        `${seconds(read.ms)}, peak RSS ${read.peakRssMb.toFixed(0)} MB`,
    );
  }
  let ok = !('error' in ours);
  if ('error' in ours) console.log(`workbook validation: ${ours.error}`);
  else {
    // A read that fails (out of memory) is slower than any validation that finishes.
    const faster = 'error' in read || ours.ms < read.ms;
    const ratio = 'error' in read ? '' : ` (${(ours.ms / read.ms).toFixed(2)}× the read)`;
    console.log(
      `workbook validation (validateFile) ${ours.rows.toLocaleString('en')} rows: ` +
        `${seconds(ours.ms)}${ratio}, target faster than the read; ` +
        `peak RSS ${ours.peakRssMb.toFixed(0)} MB (target ≤ ${MAX_RSS_MB} MB)`,
    );
    ok = faster && ours.peakRssMb <= MAX_RSS_MB && ours.rows === rows;
  }
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}
