import { afterEach, describe, it, expect } from 'vitest';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TrackEvent } from '../../../shared/api';
import { startEmulator } from '../../../e2e/emulator/emulator';
import type { Emulator, EmulatorOptions } from '../../../e2e/emulator/emulator';
import { createPacker } from './pack';
import type { PackedBatch } from './pack';
import { createPacer } from './pacer';
import { createSender } from './sender';
import type { SendEvent, SenderOptions } from './sender';

// The sender against the Track API emulator over real HTTP, with real timers: short waits only.

const started: Emulator[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const running = await startEmulator({
    trackerKeys: ['CS-TEST1'],
    apiKeys: ['test-key'],
    ...options,
  });
  started.push(running);
  return running;
}

function batches(
  count: number,
  perBatch: number,
  name = (i: number) => `event-${i}`,
  trackerKey = 'CS-TEST1',
) {
  const packer = createPacker({ trackerKey, maxEvents: perBatch });
  const out: PackedBatch[] = [];
  for (let i = 0; i < count; i += 1) {
    const event: TrackEvent = {
      name: name(i),
      timestamp: 1712123456789,
      identification: { customer: `c${i}` },
    };
    out.push(...packer.add(i + 2, event).batches);
  }
  const last = packer.flush();
  if (last) out.push(last);
  return out;
}

function sender(
  url: string,
  options: Partial<SenderOptions> & { requests?: number; perMs?: number } = {},
) {
  const events: SendEvent[] = [];
  // A 1 s window leaves 2 % headroom only 20 ms for arrival jitter (opening the first connections
  // alone can take that long on a loaded machine); 10 % keeps these short runs free of 429s.
  const pacer = createPacer({
    requests: options.requests ?? 50,
    perMs: options.perMs ?? 1_000,
    headroom: 0.1,
  });
  const instance = createSender({
    endpoint: url,
    apiKey: 'test-key',
    fetch,
    pacer,
    backoff: { baseMs: 10, capMs: 50 },
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { sender: instance, events };
}

describe('sender against the emulator', () => {
  it('delivers every event exactly once at the paced rate, without a single 429', async () => {
    const server = await emulator({ rateLimit: { requests: 50, perMs: 1_000 } });
    const { sender: client } = sender(server.url, { requests: 50, perMs: 1_000 });
    const all = batches(600, 10);
    const outcomes = await Promise.all(all.map((batch) => client.send(batch)));
    expect(outcomes.every((outcome) => outcome.kind === 'accepted')).toBe(true);
    expect(server.received.map((item) => item.event.name)).toHaveLength(600);
    expect(new Set(server.received.map((item) => item.event.name)).size).toBe(600);
    expect(server.requests.filter((request) => request.status === 429)).toHaveLength(0);
  });

  it('rides out a 503, a reset after processing and a 429, and says which rows may be duplicated', async () => {
    const server = await emulator();
    server.script({ fault: 'serverError', status: 503 }, 'resetAfter', {
      fault: 'tooManyRequests',
      retryAfterSeconds: 1,
    });
    const { sender: client, events } = sender(server.url);
    const [batch] = batches(3, 100);
    const outcome = await client.send(batch as PackedBatch);
    expect(outcome).toMatchObject({
      kind: 'accepted',
      accepted: [2, 3, 4],
      possibleDuplicates: [2, 3, 4],
    });
    // The reset came after the emulator had recorded the events: they really did arrive twice.
    expect(server.received).toHaveLength(6);
    expect(events.filter((event) => event.type === 'retry').map((event) => event.reason)).toEqual([
      'server_error',
      'network',
      'rate_limited',
    ]);
  });

  it('isolates the one event the server refuses', async () => {
    const server = await emulator({
      rejectEvent: (event) => (event.name === 'bad' ? 'events[].name is not allowed' : null),
    });
    const { sender: client } = sender(server.url, { requests: 100 });
    const [batch] = batches(100, 100, (i) => (i === 70 ? 'bad' : `ok-${i}`));
    const outcome = await client.send(batch as PackedBatch);
    expect(outcome.kind).toBe('rejected_rows');
    expect(outcome.rejected).toEqual([{ row: 72, message: 'events[].name is not allowed' }]);
    expect(server.received).toHaveLength(99);
  });

  it('stops on an unknown tracker key after a few requests', async () => {
    const server = await emulator();
    const { sender: client } = sender(server.url, { requests: 100 });
    const [batch] = batches(100, 100, undefined, 'CS-WRONG');
    const outcome = await client.send(batch as PackedBatch);
    expect(outcome).toMatchObject({ kind: 'fatal', status: 400 });
    expect(outcome.kind === 'fatal' && outcome.message).toContain('Unknown trackerKey');
    expect(server.requests.length).toBeLessThanOrEqual(15);
  });

  it('stops on a key that is wrong (401) or lacks permission (403)', async () => {
    const server = await emulator({ forbiddenKeys: ['read-only'] });
    const [batch] = batches(2, 100);
    const wrong = await sender(server.url, { apiKey: 'nope' }).sender.send(batch as PackedBatch);
    const forbidden = await sender(server.url, { apiKey: 'read-only' }).sender.send(
      batch as PackedBatch,
    );
    expect([
      wrong.kind === 'fatal' && wrong.status,
      forbidden.kind === 'fatal' && forbidden.status,
    ]).toEqual([401, 403]);
    expect(server.requests).toHaveLength(2);
  });

  it('counts a request that got no answer in time as possibly delivered, then retries it', async () => {
    const server = await emulator();
    server.script('hang');
    const { sender: client, events } = sender(server.url, {
      timeout: () => AbortSignal.timeout(300),
    });
    const [batch] = batches(2, 100);
    const outcome = await client.send(batch as PackedBatch);
    expect(outcome).toMatchObject({ kind: 'accepted', possibleDuplicates: [2, 3] });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'network_error', sent: 'unknown' }),
    );
  });

  it('does not follow a redirect, so the key never reaches another address', async () => {
    const elsewhere = await emulator();
    const redirecting = createHttpServer((_, response) => {
      response.writeHead(307, { Location: elsewhere.url }).end();
    });
    servers.push(redirecting);
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const { port } = redirecting.address() as AddressInfo;
    const [batch] = batches(1, 100);
    const outcome = await sender(`http://127.0.0.1:${port}/api/tracker/track`).sender.send(
      batch as PackedBatch,
    );
    expect(outcome).toMatchObject({ kind: 'fatal', status: 307 });
    expect(outcome.kind === 'fatal' && outcome.message).toMatch(/redirects/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('knows a refused connection delivered nothing, and gives up when nothing listens', async () => {
    const port = await closedPort();
    const { sender: client } = sender(`http://127.0.0.1:${port}/api/tracker/track`, {
      maxAttempts: 3,
    });
    const [batch] = batches(2, 100);
    const outcome = await client.send(batch as PackedBatch);
    expect(outcome).toMatchObject({
      kind: 'unavailable',
      reason: 'network',
      pending: [2, 3],
      possibleDuplicates: [],
    });
    expect(outcome.kind === 'unavailable' && outcome.message).toContain('refused the connection');
  });
});

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
