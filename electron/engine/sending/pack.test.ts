import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trackRequestSchema } from '../../../shared/api';
import type { TrackEvent } from '../../../shared/api';
import { createPacker, selectRows, sliceBatch } from './pack';
import type { PackedBatch } from './pack';

const decoder = new TextDecoder();

function event(name: string, extra: Record<string, string> = {}): TrackEvent {
  return {
    name,
    timestamp: 1712123456789,
    identification: { customer: 'cus_1' },
    data: { customer: extra },
  };
}

function parse(batch: PackedBatch): { trackerKey: string; events: TrackEvent[] } {
  return JSON.parse(decoder.decode(batch.body)) as { trackerKey: string; events: TrackEvent[] };
}

function packAll(
  events: TrackEvent[],
  options: { maxEvents?: number; maxBytes?: number } = {},
): { batches: PackedBatch[]; rejectedRows: number[] } {
  const packer = createPacker({ trackerKey: 'CS-ABCD1', ...options });
  const batches: PackedBatch[] = [];
  const rejectedRows: number[] = [];
  events.forEach((item, index) => {
    const result = packer.add(index + 2, item);
    batches.push(...result.batches);
    if (result.issue) rejectedRows.push(result.issue.row);
  });
  const last = packer.flush();
  if (last) batches.push(last);
  return { batches, rejectedRows };
}

describe('createPacker', () => {
  it('puts 250 events into requests of 100, 100 and 50 with their row numbers', () => {
    const events = Array.from({ length: 250 }, (_, i) => event(`e${i}`));
    const { batches } = packAll(events);
    expect(batches.map((b) => b.eventCount)).toEqual([100, 100, 50]);
    expect(batches[0]?.rows[0]).toBe(2);
    expect(batches[2]?.rows.at(-1)).toBe(251);
    const body = parse(batches[1] as PackedBatch);
    expect(body.trackerKey).toBe('CS-ABCD1');
    expect(body.events[0]?.name).toBe('e100');
    expect(trackRequestSchema.safeParse(body).success).toBe(true);
  });

  it('hands a batch out as soon as it holds the maximum number of events', () => {
    const packer = createPacker({ trackerKey: 'CS-1', maxEvents: 2 });
    expect(packer.add(2, event('a')).batches).toHaveLength(0);
    expect(packer.add(3, event('b')).batches.map((b) => b.rows)).toEqual([[2, 3]]);
    expect(packer.flush()).toBeNull();
  });

  it('counts UTF-8 bytes, not characters, against the size limit', () => {
    // Each "€" is one character but three bytes.
    const euro = event('x', { v: '€'.repeat(1000) });
    const oneEventBytes = packAll([euro]).batches[0]?.bytes ?? 0;
    expect(oneEventBytes).toBeGreaterThan(3000);
    const { batches } = packAll([euro, euro, euro], { maxBytes: oneEventBytes * 2 });
    expect(batches.map((b) => b.eventCount)).toEqual([2, 1]);
    for (const batch of batches)
      expect(batch.body.byteLength).toBeLessThanOrEqual(oneEventBytes * 2);
  });

  it('rejects a row whose event alone is too large, saying how large, and keeps packing', () => {
    const packer = createPacker({ trackerKey: 'CS-1', maxBytes: 500 });
    packer.add(2, event('small'));
    const result = packer.add(3, event('big', { v: 'x'.repeat(600) }));
    expect(result.batches).toHaveLength(0);
    expect(result.issue).toMatchObject({ row: 3, kind: 'event_too_large', severity: 'error' });
    expect(result.issue?.message).toMatch(/bytes/);
    packer.add(4, event('small'));
    expect(packer.flush()?.rows).toEqual([2, 4]);
  });

  it('gives identical bytes for the same events in the same order', () => {
    const events = Array.from({ length: 30 }, (_, i) => event(`e${i}`, { k: `v${i}` }));
    const first = packAll(events).batches.map((b) => Array.from(b.body));
    const second = packAll(events).batches.map((b) => Array.from(b.body));
    expect(second).toEqual(first);
  });

  it('splits and selects without changing the events', () => {
    const events = Array.from({ length: 5 }, (_, i) => event(`e${i}`));
    const batch = packAll(events).batches[0] as PackedBatch;
    const half = sliceBatch(batch, 0, 3);
    expect(half.rows).toEqual([2, 3, 4]);
    expect(parse(half).events).toEqual(events.slice(0, 3));
    const some = selectRows(batch, [6, 3]);
    expect(some.rows).toEqual([3, 6]);
    expect(parse(some).events).toEqual([events[1], events[4]]);
    // A slice of the whole is byte-identical to the whole.
    expect(Array.from(sliceBatch(batch, 0, 5).body)).toEqual(Array.from(batch.body));
  });
});

const textArb = fc.string({ unit: 'binary', maxLength: 60 });
const eventArb: fc.Arbitrary<TrackEvent> = fc.record({
  name: textArb.map((s) => `n${s}`),
  timestamp: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  identification: fc.record({ customer: textArb.map((s) => `c${s}`) }),
  data: fc.record({ customer: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), textArb) }),
});

describe('createPacker property', () => {
  it('keeps every batch within limits and every event, in order, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 120 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 200, max: 4000 }),
        (events, maxEvents, maxBytes) => {
          const { batches, rejectedRows } = packAll(events, { maxEvents, maxBytes });
          const packedEvents: TrackEvent[] = [];
          const packedRows: number[] = [];
          for (const batch of batches) {
            expect(batch.eventCount).toBeGreaterThan(0);
            expect(batch.eventCount).toBeLessThanOrEqual(maxEvents);
            expect(batch.body.byteLength).toBe(batch.bytes);
            expect(batch.bytes).toBeLessThanOrEqual(maxBytes);
            const body = parse(batch);
            expect(body.trackerKey).toBe('CS-ABCD1');
            packedEvents.push(...body.events);
            packedRows.push(...batch.rows);
          }
          const expectedRows = events
            .map((_, index) => index + 2)
            .filter((row) => !rejectedRows.includes(row));
          expect(packedRows).toEqual(expectedRows);
          expect(packedEvents).toEqual(expectedRows.map((row) => events[row - 2]));
          for (const row of rejectedRows) {
            const alone = packAll([events[row - 2] as TrackEvent]).batches[0];
            expect(alone?.bytes ?? 0).toBeGreaterThan(maxBytes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
