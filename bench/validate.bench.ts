// Validation speed and memory against a bare papaparse parse of the same file, side by side: the
// CLI's `validate` (validateFile) and the import wizard's (ImportSession.validate, which also keeps
// the review's counts, problem rows and row index).
// Run: npm run bench (all figures) or node --import tsx bench/validate.bench.ts
// BENCH_ROWS (default 1,000,000 ≈ 125 MB). Each side runs in its own process so that each peak
// memory figure is its own. Targets: the CLI at most 2× the bare parse, the wizard at most 1.3×;
// peak RSS under 250 MB for both.
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { validateFile } from '../electron/engine/validation/validate';
import { ImportSession } from '../electron/import-sessions/import-session';
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

/** The wizard's Validate step; the file was opened (sniffed) in an earlier step, not timed here. */
async function validateInWizard(session: ImportSession): Promise<number> {
  const result = await session.validate(benchMapping, () => {}, Date.now());
  if (result.result !== 'valid') throw new Error(`validation ended with ${result.result}`);
  if (result.summary.invalidRows > 0) throw new Error(`${result.summary.invalidRows} invalid rows`);
  return result.summary.totalRows;
}

/** Each side: its untimed setup, which gives the timed run. */
const sides: Record<string, (file: string) => Promise<() => Promise<number>>> = {
  baseline: async (file) => () => barePapa(file),
  validate: async (file) => () => validate(file),
  wizard: async (file) => {
    const session = await ImportSession.open('bench', file);
    return () => validateInWizard(session);
  },
};

/** One measured run in this process: prints `{ ms, rows, peakRssMb }` as JSON. */
async function measure(which: string, file: string): Promise<void> {
  const side = sides[which];
  if (!side) throw new Error(`no bench side ${which}`);
  const run = await side(file);
  const start = performance.now();
  const count = await run();
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

/** Each measured side with its time target against the bare parse. */
const targets = [
  { side: 'validate', label: 'CLI validate (validateFile)', maxRatio: 2 },
  { side: 'wizard', label: 'import wizard validation (ImportSession)', maxRatio: 1.3 },
];

type Measured = { ms: number; rows: number; peakRssMb: number };
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (phase !== undefined && phase in sides) {
  await measure(phase, process.argv[3] ?? '');
} else {
  const file = await generatedCsv(rows);
  // Alternate the sides and keep each one's best, so a busy moment does not decide the ratio.
  const runs = Number(process.env['BENCH_RUNS'] ?? 2);
  const best = new Map<string, Measured>();
  for (let i = 0; i < runs; i += 1) {
    for (const side of ['baseline', ...targets.map((t) => t.side)]) {
      const m = child(side, file);
      if (m.ms < (best.get(side)?.ms ?? Infinity)) best.set(side, m);
    }
  }
  const base = best.get('baseline') ?? { ms: NaN, rows: 0, peakRssMb: 0 };
  console.log(
    `bare papaparse (baseline) ${base.rows.toLocaleString('en')} rows: ${seconds(base.ms)}, ` +
      `peak RSS ${base.peakRssMb.toFixed(0)} MB`,
  );
  let ok = true;
  for (const target of targets) {
    const ours = best.get(target.side) ?? { ms: NaN, rows: 0, peakRssMb: Infinity };
    const ratio = ours.ms / base.ms;
    console.log(
      `${target.label} ${ours.rows.toLocaleString('en')} rows: ${seconds(ours.ms)} -> ` +
        `ratio ${ratio.toFixed(2)}× (target ≤ ${target.maxRatio}×); ` +
        `peak RSS ${ours.peakRssMb.toFixed(0)} MB (target < 250 MB)`,
    );
    if (!(ratio <= target.maxRatio && ours.peakRssMb < 250 && ours.rows === rows)) ok = false;
  }
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}
