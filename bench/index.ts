// `npm run bench`: every performance figure of the import engine, each against a baseline measured
// in the same run, one process per figure so that each memory figure is its own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = [
  'validate.bench.ts',
  'ledger.bench.ts',
  'workbook.bench.ts',
  'send.bench.ts',
  'faults.bench.ts',
  'cli-start.bench.ts',
];
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, bench)],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed += 1;
}
console.log(`\n${benches.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
