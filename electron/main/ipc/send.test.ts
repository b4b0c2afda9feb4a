import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import type { HistoryList, SendCurlResult, SendOutcome } from '../../../shared/ipc-send';
import { startEmulator } from '../../../e2e/emulator/emulator';
import type { Emulator } from '../../../e2e/emulator/emulator';
import type { MemoryClipboard } from '../../send/clipboard';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';
const KEY = 'csk_live_Send9Xy2b9LrT4kPv8s6M';
const event = { name: 'signup', timestamp: 1712123456789, identification: { customer: 'cus_1' } };

let dataDir: string;
let world: TestServices;
let ipc: FakeIpcMain;
let emulator: Emulator;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-send-'));
  emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
  world = createTestServices(dataDir);
  await world.services.settings.updateProfile('default', {
    trackerKey: 'CS-TEST1',
    endpoint: emulator.url,
  });
  await world.keyring.set('default', KEY);
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, world.services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result: IpcResult<unknown> = await ipc.invoke(channel, APP_PAGE, payload);
  expect(JSON.stringify(result)).not.toContain(KEY);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the send channels', () => {
  it('send, list, open and clear the history without ever answering the key', async () => {
    const target = await call('send:getTarget');
    expect(target).toMatchObject({
      profileName: 'default',
      trackerKey: 'CS-TEST1',
      keyState: 'set',
      problem: null,
    });

    const outcome = await call<SendOutcome>('send:request', { events: [event] });
    expect(emulator.received.map((item) => item.event)).toEqual([event]);

    const list = await call<HistoryList>('sendHistory:list', { query: 'cus_1' });
    expect(list.entries.map((item) => item.id)).toEqual([outcome.entry.id]);
    expect(await call('sendHistory:get', { id: outcome.entry.id })).toEqual({
      entry: outcome.entry,
    });
    expect(await call('sendHistory:clear')).toEqual({ removed: 1 });
    expect(await call('sendHistory:get', { id: outcome.entry.id })).toEqual({ entry: null });
  });

  it('copies a revealed curl command only to the clipboard', async () => {
    const result = await call<SendCurlResult>('send:curl', { events: [event], reveal: true });
    expect(result).toEqual({ revealed: true, command: null });
    expect((world.services.clipboard as MemoryClipboard).text).toContain(KEY);
  });

  it('refuses a request the API would refuse before sending it', async () => {
    const result = await ipc.invoke('send:request', APP_PAGE, { events: [{ ...event, name: '' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(emulator.requests).toEqual([]);
  });

  it('saves, lists and deletes templates', async () => {
    const content = {
      trackerKey: '',
      events: [
        {
          name: 'ping',
          timestamp: '{{now}}',
          customer: '',
          contact: '',
          customerAttributes: [],
          contactAttributes: [],
        },
      ],
    };
    const saved = await call<{ template: { id: string } }>('sendTemplates:save', {
      name: 'Ping',
      content,
    });
    expect(await call('sendTemplates:list')).toEqual({
      templates: [expect.objectContaining({ name: 'Ping', content })],
    });
    expect(await call('sendTemplates:delete', { id: saved.template.id })).toEqual({
      deleted: true,
    });
  });
});
