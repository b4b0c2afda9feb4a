import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, seededRandom } from './faults';
import { handleRequest } from './handle-request';
import type { EmulatorState } from './handle-request';
import { SlidingWindowLimiter } from './rate-limiter';
import type { Emulator, EmulatorOptions, FaultStep } from './types';

export type * from './types';

// Deliberately not imported from shared/api.ts: the emulator checks the app against the API doc
// (docs/track-api.txt), not against the app's own reading of it.
const DOC_PATH = '/api/tracker/track';
const DOC_MAX_EVENTS = 100;
/** "5 MB": the strict reading, so an app that fits here fits the real server either way. */
const DOC_MAX_BODY_BYTES = 5_000_000;
const DOC_RATE_LIMIT = { requests: 200, perMs: 60_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts a local emulator of the Customerscore Track API that enforces the documented contract
 * (POST only, key header, JSON body of 1..100 events, 5 MB, 200 requests/min) and injects faults
 * on demand. Never packaged: tests and manual runs only.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const rateLimit = options.rateLimit === undefined ? DOC_RATE_LIMIT : options.rateLimit;
  const initialFaults = options.faults ?? {};
  const initialRejectEvent = options.rejectEvent ?? null;
  const state: EmulatorState = {
    path: options.path ?? DOC_PATH,
    apiKeys: new Set(options.apiKeys ?? ['test-key']),
    forbiddenKeys: new Set(options.forbiddenKeys ?? []),
    trackerKeys: new Set(options.trackerKeys ?? ['CS-TEST1']),
    maxBodyBytes: options.maxBodyBytes ?? DOC_MAX_BODY_BYTES,
    maxEvents: options.maxEvents ?? DOC_MAX_EVENTS,
    limiter: rateLimit === null ? null : new SlidingWindowLimiter(rateLimit),
    plan: new FaultPlan(initialFaults, seededRandom(options.seed ?? 1), now),
    rejectEvent: initialRejectEvent,
    received: [],
    requests: [],
    hanging: new Set(),
    nextId: 1,
    now,
    sleep: options.sleep ?? realSleep,
    onRequest: options.onRequest ?? null,
  };

  const server = createServer((request, response) => {
    handleRequest(state, request, response).catch(() => request.socket.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}${state.path}`,
    port,
    get received() {
      return state.received;
    },
    get requests() {
      return state.requests;
    },
    reset() {
      state.received = [];
      state.requests = [];
      state.limiter?.reset();
      state.plan.clearScriptAndStorm();
      state.plan.setSettings(initialFaults);
      state.rejectEvent = initialRejectEvent;
    },
    setFaults(faults) {
      state.plan.setSettings(faults);
    },
    script(...steps) {
      state.plan.script(
        steps.map((step): FaultStep => (typeof step === 'string' ? { fault: step } : step)),
      );
    },
    startStorm(storm = {}) {
      state.plan.startStorm(storm);
    },
    stopStorm() {
      state.plan.stopStorm();
    },
    setRejectEvent(rejectEvent) {
      state.rejectEvent = rejectEvent;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hanging requests and idle keep-alive sockets would otherwise hold `close` open.
      server.closeAllConnections();
      await closed;
    },
  };
}
