import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { IpcResult, RegisteredFile } from '../../../shared/ipc';
import { fileRegisterChannel, ipcRequests } from '../../../shared/ipc';
import type { OpenFileResponse } from '../../../shared/ipc-import';
import { FILE_HANDLE_GONE } from '../../../shared/ipc-file';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';

// docs/security.md item 21: the page never names a path. Files reach the main process only as
// handles the preload's channel gave out; a path, or a handle the app never gave out, is refused
// on every channel that takes a file, through the real handlers.

const APP_PAGE = 'app://app/index.html';
const FORGED_HANDLE = `f-${'ab'.repeat(16)}`;

let dataDir: string;
let ipc: FakeIpcMain;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-files-'));
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, createTestServices(dataDir).services, {
    isTrustedSender: (url) => url === APP_PAGE,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Field names that could carry a file or a folder (`path`, `file`, `sourceDir`, `filePath`, ...). */
const NAMES_A_FILE =
  /^(path|file|dir|directory|folder)s?([A-Z]|$)|[a-z](Path|File|Dir|Directory|Folder)s?$/;

/** Every `channel.field` of the contract's requests whose name says it carries a file. */
function fileFields(): string[] {
  const found: string[] = [];
  const walk = (schema: unknown, where: string, seen: Set<unknown>): void => {
    if (!(schema instanceof z.ZodType) || seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') {
      for (const [name, field] of Object.entries(def['shape'] as Record<string, unknown>)) {
        if (NAMES_A_FILE.test(name)) found.push(`${where}.${name}`);
        walk(field, `${where}.${name}`, seen);
      }
      return;
    }
    for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'valueType']) {
      walk(def[key], where, seen);
    }
    for (const option of (def['options'] as unknown[] | undefined) ?? []) walk(option, where, seen);
  };
  for (const [channel, spec] of Object.entries(ipcRequests)) {
    walk(spec.request, channel, new Set());
  }
  return found;
}

/** The channels that take a file, and the field that carries its handle. */
const FILE_CHANNELS = [{ channel: 'import:open', field: 'file' }] as const;

async function register(filePath: string): Promise<RegisteredFile> {
  const answer = await ipc.invoke(fileRegisterChannel, APP_PAGE, { path: filePath });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as RegisteredFile;
}

const gone: IpcResult<never> = { ok: false, error: { code: 'gone', message: FILE_HANDLE_GONE } };

describe('channels that take a file', () => {
  it('are exactly the ones listed here (a new one must be added, and take a handle)', () => {
    expect(fileFields()).toEqual(FILE_CHANNELS.map(({ channel, field }) => `${channel}.${field}`));
  });

  describe.each(FILE_CHANNELS)('$channel', ({ channel, field }) => {
    it('opens the file the preload registered, by its handle', async () => {
      const file = path.join(dataDir, 'events.csv');
      await writeFile(file, 'event,customer_id\nsignup,c1\n');
      const picked = await register(file);
      expect(picked.name).toBe('events.csv');
      expect(JSON.stringify(picked)).not.toContain(dataDir);
      const answer = await ipc.invoke(channel, APP_PAGE, { [field]: picked.handle });
      expect(answer.ok).toBe(true);
      expect((answer as { value: OpenFileResponse }).value.file.header).toEqual([
        'event',
        'customer_id',
      ]);
    });

    it('refuses a path in place of a handle, in words, without reading it', async () => {
      expect(await ipc.invoke(channel, APP_PAGE, { [field]: '/etc/passwd' })).toEqual(gone);
      expect(await ipc.invoke(channel, APP_PAGE, { [field]: path.join(dataDir, 'x.csv') })).toEqual(
        gone,
      );
    });

    it('refuses a path under its old name, or beside a real handle', async () => {
      const file = path.join(dataDir, 'events.csv');
      await writeFile(file, 'event,customer_id\nsignup,c1\n');
      const picked = await register(file);
      for (const payload of [
        { path: '/etc/passwd' },
        { [field]: picked.handle, path: '/etc/passwd' },
      ]) {
        expect(await ipc.invoke(channel, APP_PAGE, payload)).toEqual({
          ok: false,
          error: {
            code: 'invalid_request',
            message: expect.stringMatching(/^The request was not valid/),
          },
        });
      }
    });

    it('refuses a handle the app never gave out, in words', async () => {
      await register(path.join(dataDir, 'events.csv'));
      expect(await ipc.invoke(channel, APP_PAGE, { [field]: FORGED_HANDLE })).toEqual(gone);
      expect(await ipc.invoke(channel, APP_PAGE, { [field]: '__proto__' })).toEqual(gone);
    });
  });
});

describe('the preload registration channel', () => {
  it('is not part of the page contract', () => {
    expect(Object.keys(ipcRequests)).not.toContain(fileRegisterChannel);
  });

  it('refuses a page the app does not trust', async () => {
    expect(
      await ipc.invoke(fileRegisterChannel, 'https://evil.example/', { path: '/etc/passwd' }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.stringMatching(/not trust/) },
    });
  });

  it('refuses anything but one absolute path', async () => {
    expect(await ipc.invoke(fileRegisterChannel, APP_PAGE, { path: 'passwd' })).toEqual({
      ok: false,
      error: { code: 'unreadable', message: expect.stringMatching(/could not find this file/) },
    });
    expect(
      await ipc.invoke(fileRegisterChannel, APP_PAGE, { path: '/etc/passwd', name: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
