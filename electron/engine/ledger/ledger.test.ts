import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackEvent } from '../../../shared/api';
import { describeAlreadySent } from '../../../shared/already-sent';
import { eventFingerprint } from './event-fingerprint';
import { compareKeys, sortedOrder } from './fingerprint-order';
import { FingerprintList } from './fingerprint-list';
import { Ledger } from './ledger';
import { STATUS } from './ledger-records';
import { MAX_SEGMENTS } from './ledger-run';

const destination = {
  trackerKey: 'trk_1',
  endpoint: 'https://api.customerscore.io/api/tracker/track',
};

function login(customer: string, extra: Partial<TrackEvent> = {}): TrackEvent {
  return {
    name: 'login',
    timestamp: 1_764_590_400_000,
    identification: { customer },
    data: { customer: { plan: 'pro', seats: 3 } },
    ...extra,
  };
}

function listOf(events: readonly TrackEvent[]): FingerprintList {
  const list = new FingerprintList();
  events.forEach((event, i) => list.add(i + 2, event));
  return list;
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function sendRun(
  ledger: Ledger,
  label: string,
  sent: TrackEvent[],
  maybe: TrackEvent[] = [],
) {
  const run = await ledger.startRun({ kind: 'import', label, at: '2026-12-01T12:00:00.000Z' });
  await run.record([...sent, ...maybe].map(eventFingerprint), STATUS.maybe);
  await run.record(sent.map(eventFingerprint), STATUS.sent);
  await run.close();
}

describe('event fingerprints', () => {
  it('ignore key order and number spelling, and tell text from numbers', () => {
    const a = login('cus_1', { data: { customer: { plan: 'pro', seats: 3 } } });
    const b = login('cus_1', { data: { customer: { seats: 3.0, plan: 'pro' } } });
    expect(eventFingerprint(a)).toEqual(eventFingerprint(b));
    const text = login('cus_1', { data: { customer: { plan: 'pro', seats: '3' } } });
    expect(eventFingerprint(text)).not.toEqual(eventFingerprint(a));
    expect(eventFingerprint(login('cus_1', { data: {} }))).toEqual(
      eventFingerprint(login('cus_1', { data: undefined })),
    );
  });

  it('differ when any field the server stores differs', () => {
    const base = eventFingerprint(login('cus_1'));
    for (const other of [
      login('cus_2'),
      login('cus_1', { name: 'logout' }),
      login('cus_1', { timestamp: 1_764_590_400_001 }),
      login('cus_1', { identification: { customer: 'cus_1', contact: 'c' } }),
      login('cus_1', { data: { contact: { plan: 'pro', seats: 3 } } }),
      login('cus_1', { data: { customer: { plan: 'pro', seats: 3, vip: true } } }),
    ]) {
      expect(eventFingerprint(other)).not.toEqual(base);
    }
  });

  it('have no collisions among many different events (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string(), fc.integer(), fc.string()), {
          minLength: 2,
          maxLength: 300,
          selector: (t) => JSON.stringify(t),
        }),
        (tuples) => {
          const seen = new Set<string>();
          for (const [customer, timestamp, plan] of tuples) {
            const fp = eventFingerprint({
              name: 'e',
              timestamp,
              identification: { customer: `c${customer}` },
              data: { customer: { plan } },
            });
            seen.add(Array.from(fp).join(','));
          }
          return seen.size === tuples.length;
        },
      ),
    );
  });
});

describe('sortedOrder', () => {
  it('sorts four-word keys and keeps equal keys in their order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.nat()), { maxLength: 400 }),
        (keys) => {
          const words = new Uint32Array(keys.length * 5);
          keys.forEach(([a, b, c, d], i) => {
            // A few distinct top words, so equal keys and full buckets happen.
            words.set([(a * 0x40000000) >>> 0, b, c, d, i], i * 5);
          });
          const order = sortedOrder(words, 5, keys.length);
          for (let i = 1; i < order.length; i++) {
            const p = (order[i - 1] ?? 0) * 5;
            const q = (order[i] ?? 0) * 5;
            const c = compareKeys(words, p, words, q);
            if (c > 0 || (c === 0 && (words[p + 4] ?? 0) > (words[q + 4] ?? 0))) return false;
          }
          return new Set(order).size === keys.length;
        },
      ),
    );
  });
});

describe('Ledger', () => {
  it('finds the events sent before, says who sent them, and knows nothing of other destinations', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    await sendRun(ledger, 'logins.csv', [login('cus_1'), login('cus_2')]);
    const found = await ledger.lookup(listOf([login('cus_2'), login('cus_3'), login('cus_1')]));
    expect(Array.from(found.status)).toEqual([2, 0, 2]);
    expect(describeAlreadySent(found.summary)).toBe(
      '2 of these events were already sent: on 1 Dec 2026, import of logins.csv.',
    );
    const elsewhere = Ledger.forDestination(dataDir, { ...destination, trackerKey: 'trk_2' });
    expect(Array.from((await elsewhere.lookup(listOf([login('cus_1')]))).status)).toEqual([0]);
  });

  it('keeps "maybe sent" for answers that never came, and a refusal cancels the intent', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    const run = await ledger.startRun({
      kind: 'import',
      label: 'a.csv',
      at: '2026-12-01T12:00:00Z',
    });
    await run.record(
      [login('lost'), login('refused'), login('ok')].map(eventFingerprint),
      STATUS.maybe,
    );
    await run.record([eventFingerprint(login('refused'))], STATUS.none);
    await run.record([eventFingerprint(login('ok'))], STATUS.sent);
    // Read while the run is still open (its log), then once closed (its segment): the same answer.
    const files = [login('lost'), login('refused'), login('ok')];
    expect(Array.from((await ledger.lookup(listOf(files))).status)).toEqual([1, 0, 2]);
    await run.close();
    const found = await ledger.lookup(listOf(files));
    expect(Array.from(found.status)).toEqual([1, 0, 2]);
    expect(found.summary).toMatchObject({ sent: 1, maybe: 1 });
  });

  it('a later confirmed send beats an earlier "maybe"; the first sender stays named', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    await sendRun(ledger, 'first.csv', [], [login('cus_1')]);
    await sendRun(ledger, 'second.csv', [login('cus_1')]);
    await sendRun(ledger, 'third.csv', [login('cus_1')]);
    const found = await ledger.lookup(listOf([login('cus_1')]));
    expect(found.summary.sent).toBe(1);
    expect(found.summary.sources[0]?.label).toBe('second.csv');
  });

  it('keeps few segments (an import merges them all) and answers the same', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    for (let i = 0; i <= MAX_SEGMENTS; i++)
      await sendRun(ledger, `f${i}.csv`, [login(`cus_${i}`), login('every')]);
    const segments = (await readdir(ledger.dir)).filter((n) => n.startsWith('seg-'));
    expect(segments.length).toBeLessThanOrEqual(MAX_SEGMENTS);
    const found = await ledger.lookup(
      listOf([login('cus_0'), login(`cus_${MAX_SEGMENTS}`), login('every'), login('x')]),
    );
    expect(Array.from(found.status)).toEqual([2, 2, 2, 0]);
    expect(found.sources.get(found.source[2] ?? 0)?.label).toBe('f0.csv');
    // An event in two segments not merged yet counts twice: the figure is records, not events.
    const { events, bytes } = await ledger.stats();
    expect(events).toBeGreaterThanOrEqual(MAX_SEGMENTS + 2);
    expect(events).toBeLessThanOrEqual(2 * (MAX_SEGMENTS + 1));
    expect(bytes).toBeGreaterThan(events * 20);
  });

  it('finds exactly the sent events among any mix, across several segments (property)', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.nat(400), { maxLength: 60 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(400), { maxLength: 120 }),
        async (runs, queried) => {
          const ledger = Ledger.forDestination(path.join(dataDir, `p${round++}`), destination);
          const sent = new Set<number>();
          for (const run of runs) {
            await sendRun(
              ledger,
              'r.csv',
              run.map((n) => login(`cus_${n}`)),
            );
            for (const n of run) sent.add(n);
          }
          const found = await ledger.lookup(listOf(queried.map((n) => login(`cus_${n}`))));
          return queried.every((n, i) => (found.status[i] === 2) === sent.has(n));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('marks every copy of an event a file holds twice', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    await sendRun(ledger, 'a.csv', [login('cus_1')]);
    expect(
      Array.from((await ledger.lookup(listOf([login('cus_1'), login('cus_1')]))).status),
    ).toEqual([2, 2]);
  });

  it("seals a log its crashed writer left, but never a live run's", async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    const live = await ledger.startRun({ kind: 'import', label: 'live.csv', at: '' });
    await live.record([eventFingerprint(login('live'))], STATUS.sent);
    // Another program records an event and dies without closing its run.
    const script = path.join(dataDir, 'crash.mts');
    await writeFile(
      script,
      [
        `import { Ledger } from ${JSON.stringify(path.join(import.meta.dirname, 'ledger.ts'))};`,
        `import { eventFingerprint } from ${JSON.stringify(path.join(import.meta.dirname, 'event-fingerprint.ts'))};`,
        `const ledger = Ledger.forDestination(${JSON.stringify(dataDir)}, ${JSON.stringify(destination)});`,
        `const run = await ledger.startRun({ kind: 'import', label: 'crashed.csv', at: '' });`,
        `await run.record([eventFingerprint(${JSON.stringify(login('crashed'))})], 2);`,
        `process.exit(0);`,
      ].join('\n'),
    );
    execFileSync(process.execPath, ['--import', 'tsx', script]);
    const logsOf = async () => (await readdir(ledger.dir)).filter((n) => n.startsWith('log-'));
    expect(await logsOf()).toHaveLength(2);

    const next = await ledger.startRun({ kind: 'send', label: '', at: '' });
    const logs = await logsOf();
    // Left: the live run's log and the new one's; the dead program's became a segment.
    expect(logs).toHaveLength(2);
    expect(logs.some((n) => n.startsWith(`log-${live.source.id}-`))).toBe(true);
    const found = await ledger.lookup(listOf([login('live'), login('crashed')]));
    expect(Array.from(found.status)).toEqual([2, 2]);
    await Promise.all([live.close(), next.close()]);
  });

  it('forgets everything when cleared', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    await sendRun(ledger, 'a.csv', [login('cus_1')]);
    await ledger.clear();
    expect((await ledger.lookup(listOf([login('cus_1')]))).summary.sent).toBe(0);
    expect(await ledger.stats()).toEqual({ events: 0, bytes: 0 });
  });

  it('refuses a damaged segment in words instead of guessing', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    await sendRun(ledger, 'a.csv', [login('cus_1')]);
    const [segment] = (await readdir(ledger.dir)).filter((n) => n.startsWith('seg-'));
    await writeFile(path.join(ledger.dir, segment ?? ''), 'not a ledger');
    await expect(ledger.lookup(listOf([login('cus_1')]))).rejects.toThrow(
      /record of events already sent is damaged .*Clear it in Settings/,
    );
  });
});
