import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  MAX_EVENTS_PER_REQUEST,
  checkEndpoint,
  describeStatus,
  endpointSchema,
  requestBodyBytes,
  trackEventSchema,
  trackRequestSchema,
  utf8ByteLength,
} from './api';
import type { TrackEvent } from './api';

// The "Full Request Body Example" of the API documentation, verbatim.
const documentedExample = {
  trackerKey: 'CS-ABCD1',
  events: [
    {
      name: 'my-event-name',
      timestamp: 1712123456789,
      identification: { customer: 'cus_456', contact: 'con_123' },
      data: { customer: { 'my-value': '184' }, contact: { email: 'thomas@example.com' } },
    },
    {
      name: 'your-event-name',
      timestamp: 1712123456789,
      identification: { customer: 'cus_456', contact: 'con_789' },
      data: {
        customer: { 'my-value': '345' },
        contact: { email: 'peter@example.com', contact_name: 'Peter' },
      },
    },
  ],
};

const minimalEvent: TrackEvent = {
  name: 'signup',
  timestamp: 1712123456789,
  identification: { customer: 'cus_1' },
};

describe('trackRequestSchema', () => {
  it('accepts the documented example request', () => {
    expect(trackRequestSchema.safeParse(documentedExample).success).toBe(true);
  });

  it('accepts an event with only the required fields and typed attribute values', () => {
    const event = { ...minimalEvent, data: { customer: { mrr: 49.5, active: true, plan: 'pro' } } };
    expect(trackEventSchema.safeParse(event).success).toBe(true);
  });

  it.each([
    ['an empty name', { ...minimalEvent, name: '' }],
    ['a blank name', { ...minimalEvent, name: '   ' }],
    ['a timestamp in seconds with a fraction', { ...minimalEvent, timestamp: 1712123456.789 }],
    ['a timestamp as text', { ...minimalEvent, timestamp: '1712123456789' }],
    ['no customer', { ...minimalEvent, identification: {} }],
    ['an empty customer', { ...minimalEvent, identification: { customer: '' } }],
    ['an empty contact', { ...minimalEvent, identification: { customer: 'c', contact: '' } }],
    ['a nested attribute value', { ...minimalEvent, data: { customer: { a: { b: 1 } } } }],
    ['an undocumented event field', { ...minimalEvent, userId: 'u1' }],
    ['an undocumented data section', { ...minimalEvent, data: { account: {} } }],
  ])('refuses an event with %s', (_, event) => {
    expect(trackEventSchema.safeParse(event).success).toBe(false);
  });

  it('refuses requests with no events, too many events or unknown top-level keys', () => {
    const events = (count: number) => Array.from({ length: count }, () => minimalEvent);
    const request = (count: number) => ({ trackerKey: 'CS-ABCD1', events: events(count) });
    expect(trackRequestSchema.safeParse(request(MAX_EVENTS_PER_REQUEST)).success).toBe(true);
    expect(trackRequestSchema.safeParse(request(MAX_EVENTS_PER_REQUEST + 1)).success).toBe(false);
    expect(trackRequestSchema.safeParse(request(0)).success).toBe(false);
    expect(trackRequestSchema.safeParse({ ...request(1), apiKey: 'x' }).success).toBe(false);
    expect(trackRequestSchema.safeParse({ events: events(1) }).success).toBe(false);
  });

  it('refuses a request whose body would exceed the 5 MB limit', () => {
    const big = { ...minimalEvent, data: { customer: { note: 'x'.repeat(60_000) } } };
    const request = { trackerKey: 'CS-ABCD1', events: Array.from({ length: 90 }, () => big) };
    expect(requestBodyBytes(request)).toBeGreaterThan(MAX_BODY_BYTES);
    const result = trackRequestSchema.safeParse(request);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('5 MB');
  });
});

describe('requestBodyBytes', () => {
  it('counts UTF-8 bytes the way the server receives them', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(requestBodyBytes({ a: 'ü' })).toBe(JSON.stringify({ a: 'ü' }).length + 1);
  });

  it('agrees with TextEncoder for any text', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
    );
  });

  it('counts a lone surrogate as the replacement character TextEncoder writes', () => {
    expect(utf8ByteLength('\uD800x')).toBe(new TextEncoder().encode('\uD800x').length);
  });
});

describe('checkEndpoint', () => {
  it.each([
    'https://api.customerscore.io/api/tracker/track',
    'https://example.com:8443/track',
    'http://127.0.0.1:4010/api/tracker/track',
    'http://localhost:4010/track',
    'http://[::1]:4010/track',
    'HTTP://LOCALHOST/track',
  ])('accepts %s', (url) => {
    expect(checkEndpoint(url).ok).toBe(true);
  });

  it.each([
    'http://api.customerscore.io/api/tracker/track',
    'http://localhost.evil.com/track',
    'http://127.0.0.1.nip.io/track',
    'http://evil.com/?localhost',
    'http://192.168.1.10/track',
    'ftp://localhost/track',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'api.customerscore.io/api/tracker/track',
    '',
    'https://user:secret@api.customerscore.io/track',
  ])('refuses %s with a plain message', (url) => {
    const result = checkEndpoint(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^The endpoint must/);
  });

  it('says https:// is needed when a remote host is given over http', () => {
    const result = checkEndpoint('http://localhost.evil.com/');
    expect(result).toEqual({
      ok: false,
      message:
        'The endpoint must start with https:// (plain http:// is allowed only for 127.0.0.1, localhost or [::1], for testing).',
    });
  });

  it('is what endpointSchema checks', () => {
    expect(endpointSchema.safeParse('https://example.com/track').success).toBe(true);
    const refused = endpointSchema.safeParse('http://example.com/track');
    expect(refused.error?.issues[0]?.message).toMatch(/^The endpoint must start with https:\/\//);
  });
});

describe('describeStatus', () => {
  it('explains each documented status in plain words', () => {
    expect(describeStatus(401).advice).toBe(
      'The API key was missing or not accepted. Check the API key in Settings.',
    );
    expect(describeStatus(200).title).toBe('Accepted');
    expect(describeStatus(429).advice).toContain('200 requests per minute');
    expect(describeStatus(403).advice).toContain('permission');
    expect(describeStatus(405).advice).toContain('POST');
    expect(describeStatus(400).advice).toContain('rejected');
  });

  it('groups server errors and names unexpected statuses', () => {
    expect(describeStatus(503).title).toContain('server had a problem');
    expect(describeStatus(404).title).toBe('Unexpected response (HTTP 404)');
  });
});

describe('attribute names', () => {
  it('refuses "__proto__" in words rather than dropping it silently', () => {
    const event = JSON.parse(
      '{"name":"x","timestamp":1712123456789,"identification":{"customer":"c"},"data":{"customer":{"__proto__":"y"}}}',
    ) as unknown;
    const result = trackEventSchema.safeParse(event);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/__proto__/);
  });
});
