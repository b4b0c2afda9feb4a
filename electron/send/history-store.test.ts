import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendHistoryEntry } from '../../shared/send-history';
import { createSendHistoryStore, newHistoryId, SEND_HISTORY_DIR } from './history-store';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-history-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function entry(sentAt: number, name: string, customer: string, status = 200): SendHistoryEntry {
  const events = [{ name, timestamp: sentAt, identification: { customer } }];
  return {
    id: newHistoryId(sentAt),
    sentAt,
    durationMs: 12,
    profile: { id: 'default', name: 'default' },
    endpoint: 'http://127.0.0.1:1/api/tracker/track',
    request: { events },
    requestBody: JSON.stringify({ trackerKey: 'CS-TEST1', events }),
    result: {
      kind: 'response',
      status,
      statusText: 'OK',
      retryAfter: null,
      retryAt: null,
      contentType: 'application/json',
      body: '{}',
      bodyTruncated: false,
    },
  };
}

describe('the send history', () => {
  it('lists newest first and survives a restart', async () => {
    const store = createSendHistoryStore({ dataDir });
    await store.add(entry(1_000_000_000_001, 'first', 'cus_1'));
    await store.add(entry(1_000_000_000_003, 'third', 'cus_3'));
    await store.add(entry(1_000_000_000_002, 'second', 'cus_2'));

    const reopened = createSendHistoryStore({ dataDir });
    const list = await reopened.list();
    expect(list.entries.map((item) => item.eventNames[0])).toEqual(['third', 'second', 'first']);
    expect(list).toMatchObject({ matching: 3, stored: 3 });
  });

  it('finds requests by part of an event name or a customer ID, ignoring case', async () => {
    const store = createSendHistoryStore({ dataDir });
    await store.add(entry(1_000_000_000_001, 'subscription_upgraded', 'cus_ACME'));
    await store.add(entry(1_000_000_000_002, 'signup', 'cus_globex'));
    const names = async (query: string) =>
      (await store.list({ query })).entries.map((item) => item.eventNames[0]);
    expect(await names('UPGRADED')).toEqual(['subscription_upgraded']);
    expect(await names('globex')).toEqual(['signup']);
    expect(await names('nothing')).toEqual([]);
  });

  it('keeps only the newest entries beyond its limit', async () => {
    const store = createSendHistoryStore({ dataDir, limit: 3 });
    for (let i = 1; i <= 5; i += 1) await store.add(entry(1_000_000_000_000 + i, `e${i}`, 'c'));
    expect((await store.list()).entries.map((item) => item.eventNames[0])).toEqual([
      'e5',
      'e4',
      'e3',
    ]);
    expect(await readdir(path.join(dataDir, SEND_HISTORY_DIR))).toHaveLength(3);
  });

  it('skips a damaged file and ignores file names that are not ids', async () => {
    const store = createSendHistoryStore({ dataDir });
    const good = entry(1_000_000_000_001, 'good', 'c');
    await store.add(good);
    const dir = path.join(dataDir, SEND_HISTORY_DIR);
    await writeFile(path.join(dir, `${newHistoryId(1_000_000_000_002)}.json`), '{"broken');
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    const reopened = createSendHistoryStore({ dataDir });
    expect((await reopened.list()).entries.map((item) => item.id)).toEqual([good.id]);
    expect(await reopened.get(good.id)).toEqual(good);
    expect(await reopened.get('../settings')).toBeNull();
  });

  it('clears everything', async () => {
    const store = createSendHistoryStore({ dataDir });
    await store.add(entry(1_000_000_000_001, 'a', 'c'));
    await store.add(entry(1_000_000_000_002, 'b', 'c'));
    expect(await store.clear()).toBe(2);
    expect((await createSendHistoryStore({ dataDir }).list()).stored).toBe(0);
  });
});
