// Validation speed and memory against a bare papaparse parse of the same file, side by side.
// Run: npm run bench (all figures) or node --import tsx bench/validate.bench.ts
// BENCH_ROWS (default 1,000,000 ≈ 125 MB). Each side runs in its own process so that each peak
// memory figure is its own. Target: validation at most 2× the bare parse; peak RSS under 250 MB.
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { validateFile } from '../electron/engine/validation/validate';
import { benchMapping, generatedCsv } from './support/generate';

const rows = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const phase = process.argv[2];

async function barePapa(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
      chunk: (result: Papa.ParseResult<string[]>) => {
        count += result.data.length;
      },
      complete: () => resolve(count),
      error: reject,
    });
  });
}

async function validate(file: string): Promise<number> {
  const result = await validateFile({
    path: file,
    mapping: benchMapping,
    now: Date.now(),
    zone: 'UTC',
  });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  if (result.summary.invalidRows > 0) throw new Error(`${result.summary.invalidRows} invalid rows`);
  return result.summary.totalRows;
}

/** One measured run in this process: prints `{ ms, rows, peakRssMb }` as JSON. */
async function measure(which: string, file: string): Promise<void> {
  const start = performance.now();
  const count = which === 'baseline' ? await barePapa(file) : await validate(file);
  const ms = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rows: count, peakRssMb }));
}

function child(which: string, file: string): { ms: number; rows: number; peakRssMb: number } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, which, file],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    ms: number;
    rows: number;
    peakRssMb: number;
  };
}

if (phase === 'baseline' || phase === 'validate') {
  await measure(phase, process.argv[3] ?? '');
} else {
  const file = await generatedCsv(rows);
  // Alternate the two sides and keep each one's best, so a busy moment does not decide the ratio.
  const runs = Number(process.env['BENCH_RUNS'] ?? 2);
  let base = { ms: Infinity, rows: 0, peakRssMb: 0 };
  let ours = { ms: Infinity, rows: 0, peakRssMb: 0 };
  for (let i = 0; i < runs; i += 1) {
    const b = child('baseline', file);
    const v = child('validate', file);
    if (b.ms < base.ms) base = b;
    if (v.ms < ours.ms) ours = v;
  }
  const ratio = ours.ms / base.ms;
  console.log(
    `validate ${ours.rows.toLocaleString('en')} rows: ${(ours.ms / 1000).toFixed(2)} s, ` +
      `bare papaparse (baseline) ${(base.ms / 1000).toFixed(2)} s -> ratio ${ratio.toFixed(2)}× (target ≤ 2×); ` +
      `peak RSS ${ours.peakRssMb.toFixed(0)} MB (baseline ${base.peakRssMb.toFixed(0)} MB, target < 250 MB)`,
  );
  const ok = ratio <= 2 && ours.peakRssMb < 250 && ours.rows === rows;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}
