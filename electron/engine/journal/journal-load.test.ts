import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal } from './journal';
import { parseJournal } from './journal-load';
import { RowSet, toRanges } from './journal-ranges';

let dir: string;
let full: Buffer;

const rows = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** A journal with every kind of record, written by the real writer. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'journal-load-'));
  const csv = path.join(dir, 'customers.csv');
  await writeFile(csv, 'event,id\nlogin,c1\n');
  let clock = 0;
  const journal = await createJournal({
    dataDir: dir,
    filePath: csv,
    mapping: { name: { column: 'event' } },
    settings: {
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 1,
      zone: 'UTC',
      trackerKey: 'CS-TEST1',
      endpoint: 'http://127.0.0.1:1/api/tracker/track',
    },
    now: () => (clock += 7),
  });
  for (let b = 0; b < 12; b += 1) {
    const first = 2 + b * 10;
    const batch = await journal.intent(rows(first, first + 9), `{"batch":${b},"text":"Zoë ✓"}`);
    await journal.attempt(batch);
    if (b % 4 === 3) continue; // left without a result, as if the app died mid-request
    const rejected = b % 3 === 0 ? [{ row: first + 4, message: `bad row ${first + 4}` }] : [];
    const accepted = rows(first, first + 9).filter((r) => r !== first + 4 || rejected.length === 0);
    await journal.result(batch, { accepted, rejected, doubtful: b === 5 ? accepted : [] });
    // The low-water mark stops below the first batch left without a result (rows 32..41).
    if (b < 3) await journal.lowWater((first + 10) * 9, first + 10);
    if (b === 6)
      await journal.reject([{ row: 500, message: 'Fehlende Kunden-ID', cells: ['ä', ''] }]);
  }
  await journal.setState('paused');
  await journal.close();
  full = await readFile(journal.path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a reader may know from the first `length` bytes: only lines that end within them. */
function completeRecords(length: number): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  let start = 0;
  for (;;) {
    const end = full.indexOf(0x0a, start);
    if (end < 0 || end >= length) return records;
    records.push(JSON.parse(full.subarray(start, end).toString('utf8')));
    start = end + 1;
  }
}

describe('reading a journal cut short by a crash', () => {
  it('reads the whole journal', () => {
    const state = parseJournal(full);
    expect(state.header?.settings.trackerKey).toBe('CS-TEST1');
    expect(state.skippedLines).toBe(0);
    expect(state.validBytes).toBe(full.length);
    expect(state.openBatches.map((b) => b.batch)).toEqual([4, 8, 12]);
    expect(state.rejected.map((r) => r.row)).toEqual([6, 66, 96, 500]);
  });

  it('never throws, and counts a row as confirmed only when its result line is complete', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length }), (length) => {
        const state = parseJournal(full.subarray(0, length));
        const records = completeRecords(length);
        expect(state.header === null).toBe(records.length === 0);
        expect(state.validBytes).toBeLessThanOrEqual(length);
        const accepted = new RowSet();
        const rejected = new Set<number>();
        for (const record of records) {
          if (record.type === 'result') {
            accepted.add(record.accepted as [number, number][]);
            for (const r of record.rejected as { row: number }[]) rejected.add(r.row);
          }
          if (record.type === 'rejected')
            for (const r of record.rows as { row: number }[]) rejected.add(r.row);
        }
        expect(state.counts.acceptedRows).toBe(accepted.size);
        for (const [first, last] of state.confirmedBeyondLowWater) {
          for (let row = first; row <= last; row += 1) expect(accepted.has(row)).toBe(true);
        }
        expect(state.rejected.map((r) => r.row)).toEqual([...rejected].sort((a, b) => a - b));
        // Every announced row is either settled or still to send: nothing falls through.
        for (const record of records) {
          if (record.type !== 'intent') continue;
          for (const [first, last] of record.rows as [number, number][]) {
            for (let row = Math.max(first, state.lowWater.row); row <= last; row += 1) {
              const open = state.openBatches.some((b) =>
                b.pending.some(([a, z]) => a <= row && row <= z),
              );
              expect(open || accepted.has(row) || rejected.has(row)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage after a cut (zeroed blocks after a power loss, or a half-written line)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: full.length }),
        fc.uint8Array({ maxLength: 200 }),
        (length, tail) => {
          const state = parseJournal(Buffer.concat([full.subarray(0, length), tail]));
          expect(state.counts.acceptedRows).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('treats a batch without a result as sent with an unknown outcome', () => {
    const state = parseJournal(full);
    const unknown = state.openBatches.filter((b) => b.outcomeUnknown).map((b) => b.rows);
    expect(unknown).toEqual([[[32, 41]], [[72, 81]], [[112, 121]]]);
    // 30 unanswered rows, plus batch 6's accepted rows that were sent with an unknown outcome first.
    expect(state.counts.possibleDuplicateRows).toBe(30 + 10);
    expect(
      toRanges(state.openBatches.flatMap((b) => b.pending.flatMap(([a, z]) => rows(a, z)))),
    ).toEqual([
      [32, 41],
      [72, 81],
      [112, 121],
    ]);
  });
});
