import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult, RegisteredFile } from '../../../shared/ipc';
import { fileRegisterChannel } from '../../../shared/ipc';
import type { OpenFileResponse, RowsResponse, ValidateResponse } from '../../../shared/ipc-import';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';

let dataDir: string;
let ipc: FakeIpcMain;
let world: TestServices;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-import-'));
  world = createTestServices(dataDir);
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, world.services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Hands a file to the app as the preload does and answers its handle. */
async function registered(filePath: string): Promise<string> {
  return (await call<RegisteredFile>(fileRegisterChannel, { path: filePath })).handle;
}

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result: IpcResult<unknown> = await ipc.invoke(channel, APP_PAGE, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601' },
  customer: { column: 'customer_id' },
};

describe('the import channels', () => {
  it('open, validate and page a file; progress reaches the page as events', async () => {
    const file = path.join(dataDir, 'events.csv');
    await writeFile(
      file,
      'event,occurred_at,customer_id\nsignup,2024-04-01T10:00:00Z,c1\nx,soon,c2\n',
    );
    const opened = await call<OpenFileResponse>('import:open', { file: await registered(file) });
    expect(opened.file.header).toEqual(['event', 'occurred_at', 'customer_id']);

    const validated = await call<ValidateResponse>('import:validate', {
      sessionId: opened.sessionId,
      mapping,
    });
    expect(validated).toMatchObject({ result: 'valid', summary: { validRows: 1, invalidRows: 1 } });
    expect(world.events.some((e) => e.channel === 'import:validation')).toBe(true);

    const page = await call<RowsResponse>('import:rows', {
      sessionId: opened.sessionId,
      view: 'problems',
      offset: 0,
      limit: 10,
    });
    expect(page.rows.map((r) => [r.row, r.status])).toEqual([[3, 'error']]);
  });

  it('answers a file that is not a table, and a profile that cannot send yet, in words', async () => {
    const missing = await ipc.invoke('import:open', APP_PAGE, {
      file: await registered(path.join(dataDir, 'nothing.csv')),
    });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'unreadable', message: expect.stringMatching(/nothing\.csv/) },
    });

    const file = path.join(dataDir, 'one.csv');
    await writeFile(file, 'event,occurred_at,customer_id\nsignup,2024-04-01T10:00:00Z,c1\n');
    const opened = await call<OpenFileResponse>('import:open', { file: await registered(file) });
    await call('import:validate', { sessionId: opened.sessionId, mapping });
    const started = await ipc.invoke('import:start', APP_PAGE, {
      sessionId: opened.sessionId,
      rows: 'all',
    });
    expect(started).toEqual({
      ok: false,
      error: { code: 'settings', message: expect.stringMatching(/no tracker key yet/) },
    });
  });

  it('answers a file that is no longer open as "gone", on every channel that names it', async () => {
    const sessionId = 's-0123456789abcdef';
    const gone = {
      ok: false,
      error: { code: 'gone', message: expect.stringMatching(/no longer open/) },
    };
    expect(await ipc.invoke('import:configure', APP_PAGE, { sessionId, source: {} })).toEqual(gone);
    expect(await ipc.invoke('import:validate', APP_PAGE, { sessionId, mapping })).toEqual(gone);
    expect(await ipc.invoke('import:summary', APP_PAGE, { sessionId })).toEqual(gone);
    expect(await ipc.invoke('import:sessionReport', APP_PAGE, { sessionId })).toEqual(gone);
    expect(await ipc.invoke('import:start', APP_PAGE, { sessionId, rows: 'all' })).toEqual(gone);
  });

  it('refuses requests that do not fit the contract', async () => {
    expect(await ipc.invoke('import:rows', APP_PAGE, { sessionId: '../x', view: 'all' })).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/not valid/) },
    });
    expect(await ipc.invoke('import:pause', APP_PAGE, { jobId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
