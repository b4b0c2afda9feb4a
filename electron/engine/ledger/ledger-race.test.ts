import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventFingerprint } from './event-fingerprint';
import { FingerprintList } from './fingerprint-list';
import { Ledger } from './ledger';
import { STATUS } from './ledger-records';
import type * as LedgerFiles from './ledger-files';

// Another program merging segments while a lookup reads: the merged file is in place before its
// parts go, so a part gone between the listing and the reading means listing again. Here the
// first read of a segment finds it gone, as if merged away just then.
let vanishOnce = true;
vi.mock('./ledger-files', async (importOriginal) => {
  const real = await importOriginal<typeof LedgerFiles>();
  return {
    ...real,
    readSegment: (...args: Parameters<typeof real.readSegment>) => {
      if (vanishOnce) {
        vanishOnce = false;
        return Promise.resolve(false);
      }
      return real.readSegment(...args);
    },
  };
});

const destination = {
  trackerKey: 'trk_1',
  endpoint: 'https://api.customerscore.io/api/tracker/track',
};
const event = { name: 'login', timestamp: 1, identification: { customer: 'cus_1' } };
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-race-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('a lookup racing a merge', () => {
  it('lists the ledger again when a segment vanished under it, and still finds the event', async () => {
    const ledger = Ledger.forDestination(dataDir, destination);
    const run = await ledger.startRun({ kind: 'import', label: 'a.csv', at: '' });
    await run.record([eventFingerprint(event)], STATUS.sent);
    await run.close();
    const list = new FingerprintList();
    list.add(2, event);
    const found = await ledger.lookup(list);
    expect(vanishOnce).toBe(false);
    expect(found.summary.sent).toBe(1);
  });
});
