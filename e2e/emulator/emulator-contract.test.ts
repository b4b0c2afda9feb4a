import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './emulator';
import type { Emulator } from './emulator';
import { makeBody, makeEvent, send } from './test-client';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({
    apiKeys: ['test-key', 'second-key'],
    forbiddenKeys: ['read-only-key'],
    trackerKeys: ['CS-TEST1', 'CS-OTHER'],
  });
});

afterEach(async () => {
  await emulator.close();
});

describe('the Track API emulator: accepted requests', () => {
  it('listens on 127.0.0.1 at the documented path', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/tracker\/track$/);
  });

  it('records accepted events with their tracker key, in arrival order', async () => {
    const first = await send(emulator.url, makeBody(2));
    const second = await send(emulator.url, { trackerKey: 'CS-OTHER', events: [makeEvent(7)] });
    expect(first).toMatchObject({ kind: 'response', status: 200 });
    expect(second).toMatchObject({ kind: 'response', status: 200 });
    expect(emulator.received.map((r) => [r.trackerKey, r.event.identification.customer])).toEqual([
      ['CS-TEST1', 'cus_0'],
      ['CS-TEST1', 'cus_1'],
      ['CS-OTHER', 'cus_7'],
    ]);
    expect(emulator.received[2]?.event).toEqual(makeEvent(7));
  });

  it('accepts events without the optional contact and data, and a charset in the content type', async () => {
    const bare = { name: 'login', timestamp: 1, identification: { customer: 'c' } };
    const reply = await send(
      emulator.url,
      { trackerKey: 'CS-TEST1', events: [bare] },
      { contentType: 'application/json; charset=utf-8' },
    );
    expect(reply).toMatchObject({ kind: 'response', status: 200 });
    expect(emulator.received).toHaveLength(1);
  });

  it('accepts 100 events in one request and a body of exactly 5,000,000 bytes', async () => {
    expect(await send(emulator.url, makeBody(100))).toMatchObject({ status: 200 });
    const event = makeEvent(1, { data: { customer: { pad: '' } } });
    const base = JSON.stringify({ trackerKey: 'CS-TEST1', events: [event] }).length;
    const padded = makeEvent(1, { data: { customer: { pad: 'x'.repeat(5_000_000 - base) } } });
    const raw = JSON.stringify({ trackerKey: 'CS-TEST1', events: [padded] });
    expect(raw.length).toBe(5_000_000);
    expect(await send(emulator.url, null, { raw })).toMatchObject({ status: 200 });
    expect(emulator.received).toHaveLength(101);
  });

  it('logs every request without keeping the key', async () => {
    await send(emulator.url, makeBody(3));
    await send(emulator.url, makeBody(1), { key: 'wrong-secret' });
    expect(emulator.requests).toMatchObject([
      { id: 1, method: 'POST', status: 200, outcome: 'answered', events: 3, key: 'valid' },
      { id: 2, method: 'POST', status: 401, events: 0, key: 'invalid' },
    ]);
    expect(emulator.requests[0]?.bytes).toBe(JSON.stringify(makeBody(3)).length);
    const log = JSON.stringify(emulator.requests);
    expect(log).not.toContain('test-key');
    expect(log).not.toContain('wrong-secret');
  });

  it('forgets everything on reset', async () => {
    await send(emulator.url, makeBody(2));
    emulator.reset();
    expect(emulator.received).toEqual([]);
    expect(emulator.requests).toEqual([]);
  });
});

describe('the Track API emulator: refused requests record nothing', () => {
  it.each(['GET', 'PUT', 'DELETE'])('answers %s with 405 and Allow: POST', async (method) => {
    const reply = await send(emulator.url, makeBody(1), { method });
    expect(reply).toMatchObject({ kind: 'response', status: 405 });
    if (reply.kind === 'response') expect(reply.headers.get('allow')).toBe('POST');
  });

  it('answers 404 on another path', async () => {
    const reply = await send(emulator.url.replace('/track', '/other'), makeBody(1));
    expect(reply).toMatchObject({ status: 404 });
  });

  it.each([
    ['missing', null, 401],
    ['wrong', 'not-a-key', 401],
    ['empty', '', 401],
    ['without permission', 'read-only-key', 403],
  ])('answers a %s key with %s', async (_what, key, status) => {
    const reply = await send(emulator.url, makeBody(1), { key });
    expect(reply).toMatchObject({ kind: 'response', status });
    expect(emulator.received).toEqual([]);
  });

  it.each([
    ['no content type', null],
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
  ])('refuses %s with 400', async (_what, contentType) => {
    const reply = await send(emulator.url, makeBody(1), { contentType });
    expect(reply).toMatchObject({
      status: 400,
      message: 'Content-Type must be application/json',
    });
  });

  it('refuses invalid JSON', async () => {
    const reply = await send(emulator.url, null, { raw: '{"trackerKey": "CS-TEST1", ' });
    expect(reply).toMatchObject({ status: 400, message: 'Invalid JSON' });
  });

  it('refuses a body over 5,000,000 bytes with 400 (the doc lists no 413) and stays usable', async () => {
    const raw = JSON.stringify({ trackerKey: 'CS-TEST1', events: [makeEvent(0)] }).padEnd(
      5_000_001,
      ' ',
    );
    const reply = await send(emulator.url, null, { raw });
    expect(reply).toMatchObject({ status: 400 });
    if (reply.kind === 'response') expect(reply.message).toMatch(/larger than 5000000 bytes/);
    expect(emulator.requests[0]?.bytes).toBe(5_000_001);
    expect(await send(emulator.url, makeBody(1))).toMatchObject({ status: 200 });
    expect(emulator.received).toHaveLength(1);
  });

  it('reads an oversized body past a small cap without answering anything but 400', async () => {
    const small = await startEmulator({ maxBodyBytes: 1_000 });
    try {
      const reply = await send(small.url, null, { raw: 'x'.repeat(3_000_000) });
      expect(reply).toMatchObject({ status: 400 });
      expect(small.requests[0]?.bytes).toBe(3_000_000);
    } finally {
      await small.close();
    }
  });

  it.each([
    ['a JSON array', [], 'The body must be a JSON object'],
    ['no trackerKey', { events: [makeEvent(0)] }, 'trackerKey must be a non-empty string'],
    [
      'an empty trackerKey',
      { trackerKey: '', events: [makeEvent(0)] },
      'trackerKey must be a non-empty string',
    ],
    [
      'an unknown trackerKey',
      { trackerKey: 'CS-NOPE', events: [makeEvent(0)] },
      'Unknown trackerKey',
    ],
    ['no events', { trackerKey: 'CS-TEST1' }, 'events must be an array'],
    ['zero events', { trackerKey: 'CS-TEST1', events: [] }, 'events must contain at least 1 event'],
    ['101 events', makeBody(101), 'events must contain at most 100 events (got 101)'],
  ])('refuses a body with %s', async (_what, body, message) => {
    expect(await send(emulator.url, body)).toMatchObject({ status: 400, message });
    expect(emulator.received).toEqual([]);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['no name', { name: undefined }, 'events[1].name must be a non-empty string'],
    ['an empty name', { name: '' }, 'events[1].name must be a non-empty string'],
    ['a numeric name', { name: 5 }, 'events[1].name must be a non-empty string'],
    ['no timestamp', { timestamp: undefined }, 'events[1].timestamp must be a number'],
    ['a text timestamp', { timestamp: '1712123456789' }, 'events[1].timestamp must be a number'],
    [
      'a fractional timestamp',
      { timestamp: 1.5 },
      'events[1].timestamp must be a whole number of milliseconds',
    ],
    [
      'no identification',
      { identification: undefined },
      'events[1].identification must be an object',
    ],
    [
      'no customer',
      { identification: { contact: 'c' } },
      'events[1].identification.customer must be a non-empty string',
    ],
    [
      'an empty customer',
      { identification: { customer: '' } },
      'events[1].identification.customer must be a non-empty string',
    ],
    [
      'a numeric contact',
      { identification: { customer: 'c', contact: 7 } },
      'events[1].identification.contact must be a string',
    ],
    ['data as an array', { data: [] }, 'events[1].data must be an object'],
    [
      'customer data as text',
      { data: { customer: 'gold' } },
      'events[1].data.customer must be an object',
    ],
    [
      'contact data as null',
      { data: { contact: null } },
      'events[1].data.contact must be an object',
    ],
  ];

  it.each(bad)(
    'refuses the whole batch when an event has %s',
    async (_what, overrides, message) => {
      const broken = { ...makeEvent(1), ...overrides };
      const events = [makeEvent(0), broken, makeEvent(2)];
      expect(await send(emulator.url, { trackerKey: 'CS-TEST1', events })).toMatchObject({
        status: 400,
        message,
      });
      expect(emulator.received).toEqual([]);
    },
  );

  it('refuses the whole batch when an event is not an object', async () => {
    const events = [makeEvent(0), 'login'];
    expect(await send(emulator.url, { trackerKey: 'CS-TEST1', events })).toMatchObject({
      status: 400,
      message: 'events[1] must be an object',
    });
  });

  it('refuses a whole batch when the test says an event is bad, until told otherwise', async () => {
    emulator.setRejectEvent((event) =>
      event.identification.customer === 'cus_2' ? 'Customer cus_2 is blocked' : null,
    );
    expect(await send(emulator.url, makeBody(5))).toMatchObject({
      status: 400,
      message: 'Customer cus_2 is blocked',
    });
    expect(
      await send(emulator.url, { trackerKey: 'CS-TEST1', events: [makeEvent(1)] }),
    ).toMatchObject({
      status: 200,
    });
    emulator.setRejectEvent(null);
    expect(await send(emulator.url, makeBody(5))).toMatchObject({ status: 200 });
    expect(emulator.received).toHaveLength(6);
  });
});
