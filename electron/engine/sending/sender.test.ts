import { describe, it, expect } from 'vitest';
import type { TrackEvent } from '../../../shared/api';
import { createPacker } from './pack';
import type { PackedBatch } from './pack';
import { createPacer } from './pacer';
import { createSender, requestDeadlineMs } from './sender';
import type { SendEvent, SenderOptions } from './sender';
import { createFakeClock } from '../testing/fake-clock';
import { createFakeFetch, networkError, timeoutError } from '../testing/fake-fetch';
import type { FakeReply, FakeRequest } from '../testing/fake-fetch';

const KEY = 'sk_live_SECRET_4242';
const WALL = Date.parse('2025-03-01T12:00:00Z');
const OK: FakeReply = { status: 200, body: '{"ok":true}' };

function batchOf(count: number, name = (i: number) => `event-${i}`, firstRow = 2): PackedBatch {
  const packer = createPacker({ trackerKey: 'CS-ABCD1' });
  let full: PackedBatch | undefined;
  for (let i = 0; i < count; i += 1) {
    const event: TrackEvent = {
      name: name(i),
      timestamp: 1712123456789 + i,
      identification: { customer: `cus_${i}` },
    };
    full ??= packer.add(firstRow + i, event).batches[0];
  }
  const batch = full ?? packer.flush();
  if (!batch) throw new Error('no batch');
  return batch;
}

function rowsOf(count: number, firstRow = 2): number[] {
  return Array.from({ length: count }, (_, i) => firstRow + i);
}

function setup(
  handler: (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>,
  options: Partial<SenderOptions> & { maxInFlight?: number } = {},
) {
  const clock = createFakeClock(0);
  const pacer = createPacer({
    requests: 200,
    perMs: 60_000,
    headroom: 0,
    maxInFlight: options.maxInFlight ?? 4,
    now: clock.now,
    sleep: clock.sleep,
  });
  const server = createFakeFetch(clock.now, handler);
  const events: SendEvent[] = [];
  const deadlines: number[] = [];
  const sender = createSender({
    endpoint: 'http://127.0.0.1:9/api/tracker/track',
    apiKey: KEY,
    fetch: server.fetch,
    pacer,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    wallNow: () => WALL,
    timeout: (ms) => {
      deadlines.push(ms);
      return new AbortController().signal;
    },
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { clock, pacer, server, sender, events, deadlines };
}

describe('createSender: the request', () => {
  it('POSTs the batch’s exact bytes with the JSON type and the key header', async () => {
    const { clock, server, sender } = setup(() => OK);
    const batch = batchOf(3);
    const outcome = await clock.run(sender.send(batch));
    expect(outcome).toMatchObject({ kind: 'accepted', accepted: [2, 3, 4], rejected: [] });
    const [request] = server.requests;
    expect(request?.rawBody).toBe(batch.body);
    expect(request?.headers).toEqual({
      'Content-Type': 'application/json',
      'customerscore-key': KEY,
    });
    expect(request?.url).toBe('http://127.0.0.1:9/api/tracker/track');
  });

  it('gives larger requests a longer deadline', async () => {
    const { clock, sender, deadlines } = setup(() => OK);
    await clock.run(sender.send(batchOf(1)));
    const big = batchOf(100, (i) => `event-${i}-${'x'.repeat(3_000)}`);
    await clock.run(sender.send(big));
    expect(deadlines[0]).toBe(16_000);
    expect(deadlines[1]).toBe(requestDeadlineMs(big.bytes));
    expect(deadlines[1]).toBeGreaterThanOrEqual(18_000);
    expect(requestDeadlineMs(5_000_000)).toBe(65_000);
  });

  it('refuses an API key that cannot go in a header, without quoting it', () => {
    expect(() =>
      createSender({
        endpoint: 'http://127.0.0.1:9/',
        apiKey: 'bad\nkey-SECRET',
        fetch: async () => ({ status: 200, headers: new Headers(), text: async () => '' }),
        pacer: createPacer(),
      }),
    ).toThrow(/^(?!.*SECRET).*API key/);
  });
});

describe('createSender: pacing', () => {
  it('spreads concurrent batches evenly over time, never in bursts', async () => {
    const { clock, server, sender } = setup(async () => {
      await clock.sleep(50);
      return OK;
    });
    const sends = Array.from({ length: 20 }, (_, i) => sender.send(batchOf(1, undefined, 2 + i)));
    await clock.run(Promise.all(sends));
    const starts = server.requests.map((request) => request.at);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(Math.min(...gaps)).toBe(300);
    expect((starts.at(-1) as number) - (starts[0] as number)).toBe(19 * 300);
  });

  it('keeps at most the allowed number of requests open', async () => {
    const { clock, server, sender } = setup(
      async () => {
        await clock.sleep(2_000);
        return OK;
      },
      { maxInFlight: 3 },
    );
    const sends = Array.from({ length: 12 }, (_, i) => sender.send(batchOf(1, undefined, 2 + i)));
    const outcomes = await clock.run(Promise.all(sends));
    expect(outcomes.every((outcome) => outcome.kind === 'accepted')).toBe(true);
    expect(server.maxOpen()).toBe(3);
  });
});

describe('createSender: 429', () => {
  it('waits the Retry-After seconds, then sends the same batch again', async () => {
    const { clock, server, sender, events } = setup((_, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '7' } } : OK,
    );
    const outcome = await clock.run(sender.send(batchOf(2)));
    expect(outcome.kind).toBe('accepted');
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBe(7_000);
    expect(second?.rawBody).toEqual(first?.rawBody);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'retry', reason: 'rate_limited', delayMs: 7_000 }),
    );
  });

  it('reads a Retry-After date', async () => {
    const { clock, server, sender } = setup((_, index) =>
      index === 0
        ? {
            status: 429,
            headers: {
              'Retry-After': 'Sat, 01 Mar 2025 12:00:12 GMT',
              Date: 'Sat, 01 Mar 2025 12:00:00 GMT',
            },
          }
        : OK,
    );
    await clock.run(sender.send(batchOf(1)));
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBe(12_000);
  });

  it('waits 30 s when the 429 has no Retry-After', async () => {
    const { clock, server, sender } = setup((_, index) => (index === 0 ? { status: 429 } : OK));
    await clock.run(sender.send(batchOf(1)));
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBe(30_000);
  });

  it('does not count 429s as failed attempts', async () => {
    const { clock, sender } = setup(
      (_, index) => (index < 6 ? { status: 429, headers: { 'Retry-After': '1' } } : OK),
      { maxAttempts: 2 },
    );
    expect((await clock.run(sender.send(batchOf(1)))).kind).toBe('accepted');
  });
});

describe('createSender: retries', () => {
  it('retries a 5xx after a jittered backoff, then succeeds without duplicates', async () => {
    const { clock, server, sender, events } = setup((_, index) =>
      index < 2 ? { status: 503 } : OK,
    );
    const outcome = await clock.run(sender.send(batchOf(2)));
    expect(outcome).toMatchObject({ kind: 'accepted', possibleDuplicates: [] });
    expect(server.requests).toHaveLength(3);
    // random() = 0.5: 500 ms after the first failure, 1000 ms after the second.
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries.map((event) => event.delayMs)).toEqual([500, 1_000]);
    expect(retries.every((event) => event.reason === 'server_error')).toBe(true);
  });

  it('counts rows as possible duplicates after a reset or timeout once sent', async () => {
    const { clock, sender, events } = setup((_, index) =>
      index === 0 ? networkError('ECONNRESET') : index === 1 ? timeoutError() : OK,
    );
    const outcome = await clock.run(sender.send(batchOf(2)));
    expect(outcome).toMatchObject({
      kind: 'accepted',
      accepted: [2, 3],
      possibleDuplicates: [2, 3],
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'network_error',
        sent: 'unknown',
        description: 'the connection was lost',
      }),
    );
  });

  it('counts a 504 from a gateway as a possible duplicate, a 503 not', async () => {
    const { clock, sender } = setup((_, index) => (index === 0 ? { status: 504 } : OK));
    const outcome = await clock.run(sender.send(batchOf(1)));
    expect(outcome).toMatchObject({ kind: 'accepted', possibleDuplicates: [2] });
  });

  it('knows a refused connection sent nothing', async () => {
    const { clock, sender } = setup((_, index) =>
      index === 0 ? networkError('ECONNREFUSED') : OK,
    );
    const outcome = await clock.run(sender.send(batchOf(2)));
    expect(outcome).toMatchObject({ kind: 'accepted', possibleDuplicates: [] });
  });

  it('gives up after the maximum attempts, keeping every row pending', async () => {
    const { clock, server, sender } = setup(() => networkError('ECONNREFUSED'), { maxAttempts: 5 });
    const outcome = await clock.run(sender.send(batchOf(3)));
    expect(outcome).toMatchObject({
      kind: 'unavailable',
      reason: 'network',
      accepted: [],
      pending: [2, 3, 4],
    });
    expect(outcome.kind === 'unavailable' && outcome.message).toMatch(
      /5 attempts.*refused the connection/,
    );
    expect(server.requests).toHaveLength(5);
  });

  it('gives up when an outage lasts longer than the threshold', async () => {
    const { clock, server, sender } = setup(() => ({ status: 500 }), {
      maxAttempts: 100,
      outageThresholdMs: 60_000,
      random: () => 0.99,
    });
    const outcome = await clock.run(sender.send(batchOf(1)));
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'server_error' });
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
    expect(server.requests.length).toBeLessThan(20);
  });
});

describe('createSender: 400 splitting', () => {
  const refuseIfBad = (request: FakeRequest): FakeReply =>
    request.body.events.some((event) => event.name.startsWith('bad'))
      ? { status: 400, body: JSON.stringify({ message: 'Invalid event name' }) }
      : OK;

  it('isolates one bad event among 100: 99 arrive once, 1 is rejected with the server’s message', async () => {
    const { clock, server, sender } = setup(refuseIfBad);
    const outcome = await clock.run(
      sender.send(batchOf(100, (i) => (i === 37 ? 'bad' : `ok-${i}`))),
    );
    expect(outcome.kind).toBe('rejected_rows');
    expect(outcome.rejected).toEqual([{ row: 39, message: 'Invalid event name' }]);
    expect(outcome.accepted).toEqual(rowsOf(100).filter((row) => row !== 39));
    const arrived = server.requests
      .filter((request) => !request.body.events.some((event) => event.name === 'bad'))
      .flatMap((request) => request.body.events.map((event) => event.name));
    expect(arrived).toHaveLength(99);
    expect(new Set(arrived).size).toBe(99);
    expect(server.requests.length).toBeLessThanOrEqual(15);
  });

  it('rejects two bad events with the same message in different halves, without stopping', async () => {
    const { clock, sender } = setup(refuseIfBad);
    const outcome = await clock.run(
      sender.send(batchOf(100, (i) => (i === 10 || i === 80 ? 'bad' : `ok-${i}`))),
    );
    expect(outcome.kind).toBe('rejected_rows');
    expect(outcome.rejected.map((item) => item.row)).toEqual([12, 82]);
    expect(outcome.accepted).toHaveLength(98);
  });

  it('stops when the request itself is refused (a wrong tracker key), after a bounded number of requests', async () => {
    const { clock, server, sender } = setup(() => ({ status: 400, body: 'Unknown trackerKey' }));
    const outcome = await clock.run(sender.send(batchOf(100)));
    expect(outcome).toMatchObject({ kind: 'fatal', status: 400, accepted: [], rejected: [] });
    expect(outcome.kind === 'fatal' && outcome.message).toMatch(/Unknown trackerKey.*tracker key/);
    expect(outcome.kind === 'fatal' && outcome.pending).toEqual(rowsOf(100));
    expect(server.requests.length).toBeLessThanOrEqual(15);
  });

  it('trims a long server message and makes it one line', async () => {
    const { clock, sender } = setup(() => ({
      status: 400,
      body: `line one\n${'y'.repeat(1_000)}`,
    }));
    const outcome = await clock.run(sender.send(batchOf(1)));
    const message = outcome.rejected[0]?.message ?? '';
    expect(message.startsWith('line one y')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(301);
  });
});

describe('createSender: stopping', () => {
  it.each([
    [
      401,
      'The API key was not accepted (401). Check the API key in Settings or CUSTOMERSCORE_KEY.',
    ],
    [403, /not allowed.*\(403\)/],
    [405, /only POST/],
  ])(
    'stops on %i with a message saying what to fix, sending nothing more',
    async (status, message) => {
      const { clock, server, sender } = setup(() => ({ status }));
      const outcome = await clock.run(sender.send(batchOf(5)));
      expect(outcome).toMatchObject({ kind: 'fatal', status, pending: rowsOf(5) });
      expect(outcome.kind === 'fatal' && outcome.message).toMatch(message);
      expect(server.requests).toHaveLength(1);
    },
  );

  it('cancels while waiting out a 429, leaving every row pending', async () => {
    const { clock, server, sender } = setup(() => ({
      status: 429,
      headers: { 'Retry-After': '60' },
    }));
    const controller = new AbortController();
    const sending = sender.send(batchOf(3), controller.signal);
    await clock.advance(10_000);
    controller.abort(new Error('paused'));
    const outcome = await clock.run(sending);
    expect(outcome).toMatchObject({
      kind: 'cancelled',
      pending: [2, 3, 4],
      possibleDuplicates: [],
    });
    expect(server.requests).toHaveLength(1);
  });

  it('cancels during a request and says its rows may have arrived', async () => {
    const { clock, sender } = setup(
      (request) =>
        new Promise<FakeReply>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
        }),
    );
    const controller = new AbortController();
    const sending = sender.send(batchOf(2), controller.signal);
    await clock.settle();
    controller.abort(new Error('cancelled'));
    const outcome = await clock.run(sending);
    expect(outcome).toMatchObject({
      kind: 'cancelled',
      pending: [2, 3],
      possibleDuplicates: [2, 3],
    });
  });
});

describe('createSender: the API key stays secret', () => {
  it('never puts the key in outcomes or events, even when the server echoes it', async () => {
    const replies: FakeReply[] = [
      { status: 503, body: `key ${KEY} overloaded` },
      Object.assign(networkError('ECONNRESET'), { message: `failed with ${KEY}` }),
      { status: 400, body: JSON.stringify({ error: `bad key ${KEY}` }) },
      { status: 400, body: JSON.stringify({ error: `bad key ${KEY}` }) },
      { status: 401, body: `unknown key ${KEY}` },
    ];
    const { clock, sender, events } = setup((_, index) => replies[index] ?? OK);
    const outcomes = [
      await clock.run(sender.send(batchOf(2))),
      await clock.run(sender.send(batchOf(1, undefined, 10))),
    ];
    const text = JSON.stringify({ outcomes, events });
    expect(text).toContain('bad key ••••');
    expect(text).not.toContain(KEY);
  });
});
