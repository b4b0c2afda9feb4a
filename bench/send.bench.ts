// Sending throughput against the Track API emulator, client and server at the same quota.
// Run: node --import tsx bench/send.bench.ts
// (BENCH_EVENTS=100000, BENCH_REQUESTS=200, BENCH_PER_MS=2000, BENCH_IN_FLIGHT=4 by default.)
// The ceiling is requests × 100 events per period; the target is >= 95 % of it with no 429.
import type { TrackEvent } from '../shared/api';
import { startEmulator } from '../e2e/emulator/emulator';
import { createPacker } from '../electron/engine/pack';
import type { PackedBatch } from '../electron/engine/pack';
import { createPacer } from '../electron/engine/pacer';
import { createSender } from '../electron/engine/sender';

const total = Number(process.env.BENCH_EVENTS ?? 100_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const perMs = Number(process.env.BENCH_PER_MS ?? 2_000);
const maxInFlight = Number(process.env.BENCH_IN_FLIGHT ?? 4);

/** Packs lazily, as the import job does, so packing is part of what is measured. */
function* batches(): Generator<PackedBatch> {
  const packer = createPacker({ trackerKey: 'CS-TEST1' });
  for (let i = 0; i < total; i += 1) {
    const event: TrackEvent = {
      name: 'subscription_upgraded',
      timestamp: 1712123456789 + i,
      identification: { customer: `cus_${i % 5000}`, contact: `con_${i}` },
      data: { customer: { plan: 'Growth', mrr: i % 997 }, contact: { email: `p${i}@example.com` } },
    };
    yield* packer.add(i + 2, event).batches;
  }
  const last = packer.flush();
  if (last) yield last;
}

const emulator = await startEmulator({ trackerKeys: ['CS-TEST1'], rateLimit: { requests, perMs } });
try {
  const pacer = createPacer({ requests, perMs, maxInFlight });
  let rateLimited = 0;
  const sender = createSender({
    endpoint: emulator.url,
    apiKey: 'test-key',
    fetch,
    pacer,
    onEvent: (event) => {
      if (event.type === 'retry' && event.reason === 'rate_limited') rateLimited += 1;
    },
  });
  const source = batches();
  let accepted = 0;
  let problems = 0;
  // As many workers as requests may be open: each takes the next batch when its request is done.
  const worker = async () => {
    for (let next = source.next(); !next.done; next = source.next()) {
      const outcome = await sender.send(next.value);
      if (outcome.kind === 'accepted') accepted += outcome.accepted.length;
      else problems += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: maxInFlight }, worker));
  const seconds = (performance.now() - start) / 1000;

  const ceiling = (requests * 100) / (perMs / 1000);
  const rate = accepted / seconds;
  const share = rate / ceiling;
  console.log(
    `${accepted.toLocaleString('en')} events in ${seconds.toFixed(2)} s: ${rate.toFixed(0)} events/s, ` +
      `${(share * 100).toFixed(1)} % of the ${ceiling.toFixed(0)} events/s ceiling; ` +
      `429s: ${rateLimited}; emulator received ${emulator.received.length.toLocaleString('en')}; ` +
      `batches not accepted: ${problems}`,
  );
  const ok =
    share >= 0.95 && rateLimited === 0 && problems === 0 && emulator.received.length === total;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  await emulator.close();
}
