import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcError, IpcResult } from '../../../shared/ipc';
import type { KeyStatus } from '../../../shared/ipc-settings';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../store/secrets';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';
const KEY = 'csk_live_0a1b2c3d4e5f9876';

let dataDir: string;
let ipc: FakeIpcMain;
let world: TestServices;
let registered: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-secrets-'));
  registered = [];
  world = createTestServices(dataDir, { registerSecret: (key) => registered.push(key) });
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, world.services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result: IpcResult<unknown> = await ipc.invoke(channel, APP_PAGE, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The envelope's error of a request that must fail. */
async function refusal(channel: string, payload: unknown): Promise<IpcError> {
  const result: IpcResult<unknown> = await ipc.invoke(channel, APP_PAGE, payload);
  if (result.ok) throw new Error(`Expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('secrets:*', () => {
  it('sets, replaces and deletes a key, answering only "set, ends in …"', async () => {
    expect(await call<KeyStatus>('secrets:status', { profileId: 'default' })).toEqual({
      state: 'notSet',
    });

    expect(
      await call<KeyStatus>('secrets:set', { profileId: 'default', key: ` ${KEY}\n` }),
    ).toEqual({ state: 'set', last4: '9876' });
    expect(world.keyring.entries.get('default')).toBe(KEY);
    expect(await call<KeyStatus>('secrets:status', { profileId: 'default' })).toEqual({
      state: 'set',
      last4: '9876',
    });

    await call<KeyStatus>('secrets:set', { profileId: 'default', key: 'csk_live_replaced_4321' });
    expect(await call<KeyStatus>('secrets:status', { profileId: 'default' })).toEqual({
      state: 'set',
      last4: '4321',
    });

    expect(await call<KeyStatus>('secrets:delete', { profileId: 'default' })).toEqual({
      state: 'notSet',
    });
    expect(world.keyring.entries.size).toBe(0);
  });

  it('shows none of a short key', async () => {
    expect(await call<KeyStatus>('secrets:set', { profileId: 'default', key: 'abc123' })).toEqual({
      state: 'set',
      last4: '',
    });
  });

  it('tells the log masker about the key and writes it nowhere in the data directory', async () => {
    await call('secrets:set', { profileId: 'default', key: KEY });
    await call('profiles:update', { id: 'default', patch: { trackerKey: 'CS-ABCD1' } });
    expect(registered).toContain(KEY);
    const files = await filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await readFile(file, 'utf8')).not.toContain(KEY);
  });

  it('refuses a key for a profile that does not exist, storing nothing', async () => {
    const change = await refusal('secrets:set', { profileId: 'nobody-000000', key: KEY });
    expect(change).toEqual({
      code: 'settings',
      message: expect.stringMatching(/This profile no longer exists/),
    });
    expect(world.keyring.entries.size).toBe(0);
  });

  it('answers "unavailable" with the plain message when there is no keychain', async () => {
    world.keyring.setAvailable(false);
    expect(await call<KeyStatus>('secrets:status', { profileId: 'default' })).toEqual({
      state: 'unavailable',
      message: KEYCHAIN_UNAVAILABLE_MESSAGE,
    });
    expect(await refusal('secrets:set', { profileId: 'default', key: KEY })).toEqual({
      code: 'keychain',
      message: KEYCHAIN_UNAVAILABLE_MESSAGE,
    });
    expect(await refusal('secrets:delete', { profileId: 'default' })).toEqual({
      code: 'keychain',
      message: KEYCHAIN_UNAVAILABLE_MESSAGE,
    });
    // Everything else keeps working.
    expect(
      await call('profiles:update', { id: 'default', patch: { trackerKey: 'CS-ABCD1' } }),
    ).toMatchObject({ profileId: 'default' });
  });

  it('masks the key when the keychain fails with a message that contains it', async () => {
    world.keyring.set = async (_account, secret) => {
      throw new Error(`D-Bus said no to ${secret}`);
    };
    const change = await refusal('secrets:set', { profileId: 'default', key: KEY });
    expect(change).toEqual({
      code: 'keychain',
      message: 'The keychain could not be used: D-Bus said no to [redacted]',
    });
  });
});
