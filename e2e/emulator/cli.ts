// Runs the Track API emulator by hand:
//   node --import tsx e2e/emulator/cli.ts --port 8787 --key test-key --tracker-key CS-TEST1
// Prints the endpoint URL, then one line per request (never the key). Ctrl+C stops it.
import { Command, InvalidArgumentError } from 'commander';
import { startEmulator } from './emulator';
import type { FaultSettings, RequestRecord } from './emulator';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function probability(value: string): number {
  const p = Number(value);
  if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return p;
}

function rateLimit(value: string): { requests: number; perMs: number } | null {
  if (value === 'off') return null;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match)
    throw new InvalidArgumentError('expected REQUESTS/MILLISECONDS, e.g. 200/60000, or off');
  return { requests: Number(match[1]), perMs: Number(match[2]) };
}

interface CliOptions {
  port: number;
  host: string;
  key: string[];
  forbiddenKey: string[];
  trackerKey: string[];
  rateLimit: { requests: number; perMs: number } | null;
  seed: number;
  serverError?: number;
  resetBefore?: number;
  resetAfter?: number;
  hang?: number;
  latency?: number;
}

function describeRequest(record: RequestRecord): string {
  const time = new Date(record.at).toISOString();
  const result = record.status === null ? record.outcome : String(record.status);
  const fault = record.fault ? ` fault=${record.fault}` : '';
  const message = record.message ? ` ${JSON.stringify(record.message)}` : '';
  return `${time} #${record.id} ${record.method} ${record.path} key=${record.key} -> ${result} events=${record.events} bytes=${record.bytes}${fault}${message}`;
}

const program = new Command()
  .name('track-api-emulator')
  .description('A local emulator of the Customerscore Track API, for testing.')
  .option('--port <n>', 'port to listen on (0: any free port)', integer, 8787)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--key <key...>', 'API keys to accept', ['test-key'])
  .option('--forbidden-key <key...>', 'API keys answered 403', [])
  .option('--tracker-key <key...>', 'tracker keys that exist', ['CS-TEST1'])
  .option('--rate-limit <n/ms>', 'rate limit per key, or off', rateLimit, {
    requests: 200,
    perMs: 60_000,
  })
  .option('--seed <n>', 'seed of the fault random', integer, 1)
  .option('--server-error <p>', 'probability of a 503 per request', probability)
  .option('--reset-before <p>', 'probability of a reset before processing', probability)
  .option('--reset-after <p>', 'probability of a reset after recording the events', probability)
  .option('--hang <p>', 'probability of never answering', probability)
  .option('--latency <ms>', 'delay added to every answer', integer)
  .parse();

const options = program.opts<CliOptions>();
const faults: FaultSettings = {};
if (options.serverError !== undefined) faults.serverError = options.serverError;
if (options.resetBefore !== undefined) faults.resetBefore = options.resetBefore;
if (options.resetAfter !== undefined) faults.resetAfter = options.resetAfter;
if (options.hang !== undefined) faults.hang = options.hang;
if (options.latency !== undefined) faults.latencyMs = options.latency;

const emulator = await startEmulator({
  port: options.port,
  host: options.host,
  apiKeys: options.key,
  forbiddenKeys: options.forbiddenKey,
  trackerKeys: options.trackerKey,
  rateLimit: options.rateLimit,
  seed: options.seed,
  faults,
  onRequest: (record) => console.log(describeRequest(record)),
});
console.log(emulator.url);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${emulator.received.length} events received; stopping.`);
    void emulator.close().then(() => process.exit(0));
  });
}
