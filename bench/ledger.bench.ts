// The duplicate guard at scale: validating a 1,000,000-row file with 10,000,000 events in the
// destination's ledger (the file's own million among them, as when a file is imported twice)
// against validating it with an empty ledger, in the same run. Also the memory the guard adds
// (peak RSS against validating without it) and the ledger's disk use per event.
// Run: npm run bench (all figures) or node --import tsx bench/ledger.bench.ts
// BENCH_ROWS (default 1,000,000), BENCH_LEDGER (default 10,000,000). Targets: at most 1.3× the
// empty ledger's time; the guard's memory at most 200 MB.
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ledger } from '../electron/engine/ledger/ledger';
import { STATUS } from '../electron/engine/ledger/ledger-records';
import { validateFile } from '../electron/engine/validation/validate';
import { benchMapping, generatedCsv } from './support/generate';

const rows = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const ledgerSize = Number(process.env['BENCH_LEDGER'] ?? 10_000_000);
const destination = {
  trackerKey: 'CS-BENCH1',
  endpoint: 'https://api.customerscore.io/api/tracker/track',
};
const RUN_EVENTS = 1_000_000;

async function validate(file: string, dataDir: string | null) {
  const result = await validateFile({
    path: file,
    mapping: benchMapping,
    now: Date.now(),
    zone: 'UTC',
    ledger: dataDir === null ? undefined : Ledger.forDestination(dataDir, destination),
  });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  return result;
}

/** A ledger of `size` events: the file's own, then random ones, written as imports of a million. */
async function buildLedger(file: string, dataDir: string): Promise<void> {
  const ledger = Ledger.forDestination(dataDir, destination);
  const own = await validate(file, dataDir);
  const list = own.guard?.fingerprints;
  if (!list) throw new Error('no fingerprints');
  let written = 0;
  const at = '2026-12-01T09:00:00.000Z';
  const write = async (words: Uint32Array, count: number, label: string) => {
    const run = await ledger.startRun({ kind: 'import', label, at });
    const fingerprints: Uint32Array[] = [];
    for (let i = 0; i < count; i++) fingerprints.push(words.subarray(i * 4, i * 4 + 4));
    await run.record(fingerprints, STATUS.sent);
    await run.close();
    written += count;
  };
  await write(list.words, list.count, path.basename(file));
  const random = new Uint32Array(RUN_EVENTS * 4);
  while (written < ledgerSize) {
    randomFillSync(random);
    await write(random, Math.min(RUN_EVENTS, ledgerSize - written), 'older.csv');
  }
}

/** One measured validation in this process: prints `{ ms, rows, sent, peakRssMb }`. */
async function measure(file: string, dataDir: string): Promise<void> {
  const start = performance.now();
  const result = await validate(file, dataDir === '-' ? null : dataDir);
  const ms = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const sent = result.summary.alreadySent?.sent ?? 0;
  console.log(JSON.stringify({ ms, rows: result.summary.totalRows, sent, peakRssMb }));
}

type Measured = { ms: number; rows: number; sent: number; peakRssMb: number };

function child(file: string, dataDir: string): Measured {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, 'measure', file, dataDir],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measured;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (process.argv[2] === 'measure') {
  await measure(process.argv[3] ?? '', process.argv[4] ?? '-');
} else {
  const file = await generatedCsv(rows);
  const emptyDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ledger-empty-'));
  const fullDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ledger-full-'));
  try {
    const building = performance.now();
    await buildLedger(file, fullDir);
    const stats = await Ledger.forDestination(fullDir, destination).stats();
    console.log(
      `ledger of ${stats.events.toLocaleString('en')} events built in ${seconds(performance.now() - building)}: ` +
        `${(stats.bytes / 1e6).toFixed(0)} MB on disk, ${(stats.bytes / stats.events).toFixed(1)} bytes an event`,
    );
    // Alternate the sides and keep each one's best, so a busy moment does not decide the ratio.
    const runs = Number(process.env['BENCH_RUNS'] ?? 2);
    const best = new Map<string, Measured>();
    for (let i = 0; i < runs; i += 1) {
      for (const [side, dir] of [
        ['off', '-'],
        ['empty', emptyDir],
        ['full', fullDir],
      ] as const) {
        const m = child(file, dir);
        if (m.ms < (best.get(side)?.ms ?? Infinity)) best.set(side, m);
      }
    }
    const off = best.get('off');
    const empty = best.get('empty');
    const full = best.get('full');
    if (!off || !empty || !full) throw new Error('a side did not run');
    const line = (label: string, m: Measured) =>
      `${label}: ${seconds(m.ms)}, ${m.sent.toLocaleString('en')} already sent, peak RSS ${m.peakRssMb.toFixed(0)} MB`;
    console.log(line(`validate ${rows.toLocaleString('en')} rows without the guard`, off));
    console.log(line('with an empty ledger (baseline)', empty));
    console.log(line(`with ${stats.events.toLocaleString('en')} events in the ledger`, full));
    const ratio = full.ms / empty.ms;
    const memory = full.peakRssMb - off.peakRssMb;
    console.log(
      `ratio ${ratio.toFixed(2)}× the empty ledger (target ≤ 1.3×); the guard's memory ` +
        `${memory.toFixed(0)} MB (target ≤ 200 MB); ${(full.ms / off.ms).toFixed(2)}× validating without the guard`,
    );
    const ok = ratio <= 1.3 && memory <= 200 && full.sent === rows && empty.sent === 0;
    console.log(ok ? 'PASS' : 'FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(fullDir, { recursive: true, force: true });
  }
}
