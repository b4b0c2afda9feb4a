import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from './emulator';
import type { Emulator, EmulatorOptions, RequestRecord } from './emulator';
import { makeBody, send } from './test-client';

const started: Emulator[] = [];

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  started.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('the emulator rate limit', () => {
  it('admits 200 requests per minute by default, then answers 429 with Retry-After', async () => {
    const clock = manualClock();
    const emulator = await start({ now: clock.now });
    for (let i = 0; i < 200; i += 1) {
      const reply = await send(emulator.url, makeBody(1));
      if (reply.kind !== 'response' || reply.status !== 200) throw new Error(`request ${i} failed`);
    }
    const refused = await send(emulator.url, makeBody(1));
    expect(refused).toMatchObject({ kind: 'response', status: 429 });
    if (refused.kind === 'response') expect(refused.headers.get('retry-after')).toBe('60');
    expect(emulator.received).toHaveLength(200);
  });

  it('is a sliding window: a slot frees when the oldest request is a full window old', async () => {
    const clock = manualClock();
    const emulator = await start({ now: clock.now, rateLimit: { requests: 3, perMs: 10_000 } });
    for (const step of [0, 4_000, 4_000]) {
      clock.advance(step);
      expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    }
    clock.advance(500); // 8.5 s after the first request: 1.5 s left, rounded up to 2
    const refused = await send(emulator.url, makeBody(1));
    expect(refused).toMatchObject({ status: 429 });
    if (refused.kind === 'response') expect(refused.headers.get('retry-after')).toBe('2');
    clock.advance(1_500);
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 429 });
    expect(emulator.received).toHaveLength(4);
  });

  it('never answers Retry-After below 1 second', async () => {
    const clock = manualClock();
    const emulator = await start({ now: clock.now, rateLimit: { requests: 1, perMs: 1_000 } });
    await send(emulator.url, makeBody(1));
    clock.advance(999);
    const refused = await send(emulator.url, makeBody(1));
    if (refused.kind !== 'response') throw new Error('expected a response');
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('counts each API key separately and can be turned off', async () => {
    const limited = await start({ apiKeys: ['a', 'b'], rateLimit: { requests: 1, perMs: 60_000 } });
    expect(await send(limited.url, makeBody(1), { key: 'a' })).toMatchObject({ status: 200 });
    expect(await send(limited.url, makeBody(1), { key: 'b' })).toMatchObject({ status: 200 });
    expect(await send(limited.url, makeBody(1), { key: 'a' })).toMatchObject({ status: 429 });
    const unlimited = await start({ rateLimit: null });
    for (let i = 0; i < 5; i += 1) {
      expect(await send(unlimited.url, makeBody(1))).toMatchObject({ status: 200 });
    }
  });
});

describe('the emulator faults', () => {
  it('answers a scripted 503 with an optional Retry-After and records nothing', async () => {
    const emulator = await start();
    emulator.script(
      { fault: 'serverError', retryAfterSeconds: 7 },
      { fault: 'serverError', status: 502 },
    );
    const first = await send(emulator.url, makeBody(2));
    const second = await send(emulator.url, makeBody(2));
    const third = await send(emulator.url, makeBody(2));
    expect(first).toMatchObject({ status: 503 });
    if (first.kind === 'response') expect(first.headers.get('retry-after')).toBe('7');
    expect(second).toMatchObject({ status: 502 });
    if (second.kind === 'response') expect(second.headers.get('retry-after')).toBeNull();
    expect(third).toMatchObject({ status: 200 });
    expect(emulator.received).toHaveLength(2);
  });

  it('resets the connection before processing: the client fails and nothing is recorded', async () => {
    const emulator = await start();
    emulator.script('resetBefore');
    expect(await send(emulator.url, makeBody(3))).toMatchObject({ kind: 'failed' });
    expect(emulator.received).toEqual([]);
    expect(emulator.requests[0]).toMatchObject({ outcome: 'reset-before', status: null });
  });

  it('resets the connection after processing: the client fails but the events were recorded', async () => {
    const emulator = await start();
    emulator.script('resetAfter');
    expect(await send(emulator.url, makeBody(3))).toMatchObject({ kind: 'failed' });
    expect(emulator.received).toHaveLength(3);
    expect(emulator.requests[0]).toMatchObject({ outcome: 'reset-after', status: null, events: 3 });
    // A client that retries now creates duplicates, as against the real server.
    expect(await send(emulator.url, makeBody(3))).toMatchObject({ status: 200 });
    expect(emulator.received).toHaveLength(6);
  });

  it('still refuses an invalid batch when a reset-after fault hits it', async () => {
    const emulator = await start();
    emulator.script('resetAfter');
    expect(await send(emulator.url, makeBody(3), { key: 'nope' })).toMatchObject({ status: 401 });
    expect(emulator.received).toEqual([]);
  });

  it('hangs without answering until the client gives up, and still closes', async () => {
    let hung!: (record: RequestRecord) => void;
    const hanging = new Promise<RequestRecord>((resolve) => (hung = resolve));
    const emulator = await start({
      onRequest: (record) => record.outcome === 'hang' && hung(record),
    });
    emulator.script('hang');
    const abort = new AbortController();
    const reply = send(emulator.url, makeBody(1), { signal: abort.signal });
    expect(await hanging).toMatchObject({ status: null, outcome: 'hang' });
    abort.abort();
    expect(await reply).toEqual({ kind: 'failed', error: 'AbortError' });
    expect(emulator.received).toEqual([]);
    emulator.script('hang');
    void send(emulator.url, makeBody(1));
    await emulator.close(); // resolves although a request is left hanging
  });

  it('answers every request 429 during a storm of n requests', async () => {
    const emulator = await start();
    emulator.startStorm({ forRequests: 3, retryAfterSeconds: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const reply = await send(emulator.url, makeBody(1));
      if (reply.kind !== 'response') throw new Error('expected a response');
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.headers.get('retry-after')).toBe('4');
    }
    expect(statuses).toEqual([429, 429, 429, 200]);
    expect(emulator.received).toHaveLength(1);
  });

  it('ends a timed storm by the clock, or when stopped', async () => {
    const clock = manualClock();
    const emulator = await start({ now: clock.now });
    emulator.startStorm({ forMs: 30_000 });
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 429 });
    clock.advance(29_999);
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 429 });
    clock.advance(1);
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    emulator.startStorm();
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 429 });
    emulator.stopStorm();
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
  });

  it('adds latency through the injected sleep', async () => {
    const slept: number[] = [];
    const emulator = await start({
      faults: { latencyMs: { min: 100, max: 200 } },
      sleep: async (ms) => void slept.push(ms),
    });
    emulator.script({ fault: 'ok', latencyMs: 5_000 });
    for (let i = 0; i < 4; i += 1) {
      expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    }
    expect(slept[0]).toBe(5_000);
    expect(slept.slice(1)).toHaveLength(3);
    for (const ms of slept.slice(1)) expect(ms).toBeGreaterThanOrEqual(100);
    for (const ms of slept.slice(1)) expect(ms).toBeLessThanOrEqual(200);
    expect(emulator.requests.map((r) => r.latencyMs)).toEqual(slept);
  });

  it('draws random faults reproducibly from the seed', async () => {
    const faults = { serverError: 0.2, resetBefore: 0.2, resetAfter: 0.2 };
    async function run(seed: number): Promise<string[]> {
      const emulator = await start({ seed, faults });
      for (let i = 0; i < 30; i += 1) await send(emulator.url, makeBody(1));
      return emulator.requests.map((r) => `${r.outcome}:${r.status ?? '-'}`);
    }
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['answered:200', 'answered:503', 'reset-before:-', 'reset-after:-']),
    );
    expect(await run(43)).not.toEqual(first);
  });

  it('applies a certain fault to every request, and reset restores the faults given at start', async () => {
    const emulator = await start({ faults: { serverError: 1, serverErrorStatus: 500 } });
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 500 });
    emulator.setFaults({});
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    emulator.reset();
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 500 });
  });

  it('refuses probabilities that cannot be meant', async () => {
    await expect(startEmulator({ faults: { hang: 1.5 } })).rejects.toThrow(RangeError);
    const emulator = await start();
    expect(() => emulator.setFaults({ serverError: 0.6, resetAfter: 0.6 })).toThrow(/more than 1/);
  });
});
