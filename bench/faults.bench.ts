// Sending under faults: 8 % 503, 4 % connection resets before and 2 % after processing, and a
// server limit tighter than the client's. Nothing may be lost; duplicates may only come from
// requests the server processed but never answered.
// Run: npm run bench, or node --import tsx bench/faults.bench.ts   (BENCH_FAULT_EVENTS, default 30,000)
import { startEmulator } from '../e2e/emulator/emulator';
import { generatedCsv } from './support/generate';
import { runImport } from './support/run-import';

const total = Number(process.env['BENCH_FAULT_EVENTS'] ?? 30_000);
const client = { requests: 200, perMs: 2_000 };
// Tight enough to bind: with the faults the client reaches about 80 requests per 2 s of its own.
const server = { requests: 50, perMs: 2_000 };

const file = await generatedCsv(total);
const emulator = await startEmulator({
  trackerKeys: ['CS-TEST1'],
  rateLimit: server,
  faults: { serverError: 0.08, resetBefore: 0.04, resetAfter: 0.02 },
  seed: 42,
});
try {
  const { result, seconds } = await runImport(file, emulator, client);
  const ids = emulator.received.map((r) => r.event.identification.contact ?? '');
  const unique = new Set(ids);
  const lost = total - unique.size;
  const duplicates = ids.length - unique.size;
  const unanswered = emulator.requests
    .filter((r) => r.outcome === 'reset-after')
    .reduce((sum, r) => sum + r.events, 0);
  const count = (status: number) => emulator.requests.filter((r) => r.status === status).length;
  console.log(
    `faults: ${total.toLocaleString('en')} events in ${seconds.toFixed(1)} s; lost ${lost}; duplicates ${duplicates} ` +
      `(bound: ${unanswered} events in requests processed but never answered; the job reported ` +
      `${result.progress.possibleDuplicates} possible duplicates); answers: 503×${count(503)}, ` +
      `429×${count(429)}, resets ${emulator.requests.filter((r) => r.outcome !== 'answered').length}`,
  );
  const ok =
    result.outcome === 'completed' &&
    count(429) > 0 &&
    lost === 0 &&
    duplicates <= unanswered &&
    result.progress.possibleDuplicates >= duplicates;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  await emulator.close();
}
