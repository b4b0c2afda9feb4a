// Start-up of the packaged command line, `customerscore-import --version`, against a bare
// `node -e 0` in the same run; `npm run cli -- --version` (tsx from the checkout) for comparison.
// Run: npm run bench (all figures) or node --import tsx bench/cli-start.bench.ts
// BENCH_RUNS (default 15) runs of each, alternating, the median of each kept. Target: at most 3×
// the bare start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCliPackage, CLI_BIN, projectRoot } from '../scripts/cli-package';

const runs = Number(process.env['BENCH_RUNS'] ?? 15);
const TARGET = 3;

/** Milliseconds from spawn to exit; throws unless it exits 0 and prints `expected` (if given). */
function timed(command: string, args: string[], cwd: string, expected?: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  if (expected !== undefined && !result.stdout.includes(expected)) {
    throw new Error(`${command} ${args.join(' ')} printed ${result.stdout}`);
  }
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const work = mkdtempSync(path.join(tmpdir(), 'csi-bench-cli-'));
try {
  const built = await buildCliPackage(path.join(work, 'package'));
  const bin = path.join(built.dir, 'bin', `${CLI_BIN}.js`);
  // Run from a folder outside the repo, as an installed command would be.
  const bare: number[] = [];
  const packaged: number[] = [];
  timed(process.execPath, [bin, '--version'], work); // warm the file cache, not counted
  for (let i = 0; i < runs; i += 1) {
    bare.push(timed(process.execPath, ['-e', '0'], work));
    packaged.push(timed(process.execPath, [bin, '--version'], work, built.version));
  }
  const tsx: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i += 1) {
    tsx.push(
      timed('npm', ['run', '--silent', 'cli', '--', '--version'], projectRoot, built.version),
    );
  }
  const base = median(bare);
  const ours = median(packaged);
  const ratio = ours / base;
  console.log(`bare node -e 0 (baseline): ${base.toFixed(0)} ms (median of ${runs})`);
  console.log(
    `customerscore-import --version (packaged, ${(built.bundleBytes / 1024 / 1024).toFixed(1)} MB ` +
      `in chunks): ${ours.toFixed(0)} ms -> ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×)`,
  );
  console.log(
    `npm run cli -- --version (tsx, for comparison): ${median(tsx).toFixed(0)} ms ` +
      `(${(median(tsx) / base).toFixed(1)}×, median of ${tsx.length})`,
  );
  const ok = ratio <= TARGET;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
