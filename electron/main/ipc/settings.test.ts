import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import type { ProfileChange, SettingsView } from '../../../shared/ipc-settings';
import { TRACK_API_DEFAULT_ENDPOINT } from '../../../shared/api';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';
const KEY = 'csk_live_7c0ffee5a1b2c3d4';

let dataDir: string;
let ipc: FakeIpcMain;
let world: TestServices;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-settings-'));
  world = createTestServices(dataDir);
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, world.services, {
    isTrustedSender: (url) => url.startsWith('app://app/'),
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok)
    throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  return valueOf<T>(await ipc.invoke(channel, APP_PAGE, payload));
}

async function done(channel: string, payload: unknown): Promise<ProfileChange> {
  return call<ProfileChange>(channel, payload);
}

describe('settings:load', () => {
  it('starts with the default profile, active, with the documented endpoint and rate', async () => {
    expect(await call<SettingsView>('settings:load')).toEqual({
      activeProfileId: 'default',
      profiles: [
        {
          id: 'default',
          name: 'default',
          trackerKey: '',
          endpoint: TRACK_API_DEFAULT_ENDPOINT,
          rateLimit: { requests: 200, perSeconds: 60 },
        },
      ],
    });
  });

  it('says once, in words, that a damaged settings file was put aside', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), '{ not json');
    const first = await call<SettingsView>('settings:load');
    expect(first.problem).toMatch(/The settings file was damaged \(it is not valid JSON\)/);
    expect(first.profiles.map((profile) => profile.id)).toEqual(['default']);
    expect((await call<SettingsView>('settings:load')).problem).toBeUndefined();
    expect((await readdir(dataDir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(
      true,
    );
  });
});

describe('profiles:*', () => {
  it('creates, updates, renames, activates and deletes profiles, answering the new settings', async () => {
    const created = await done('profiles:create', { name: 'Acme EU' });
    const acme = created.settings.profiles.find((profile) => profile.id === created.profileId);
    expect(acme).toMatchObject({ name: 'Acme EU', trackerKey: '' });
    expect(created.profileId).toMatch(/^acme-eu-[0-9a-f]{6}$/);

    const updated = await done('profiles:update', {
      id: created.profileId,
      patch: {
        trackerKey: 'CS-ACME1',
        endpoint: 'http://127.0.0.1:9000/track',
        rateLimit: { requests: 50, perSeconds: 10 },
      },
    });
    expect(updated.settings.profiles[1]).toMatchObject({
      trackerKey: 'CS-ACME1',
      endpoint: 'http://127.0.0.1:9000/track',
      rateLimit: { requests: 50, perSeconds: 10 },
    });

    const renamed = await done('profiles:rename', { id: created.profileId, name: 'Acme Europe' });
    expect(renamed.settings.profiles[1]).toMatchObject({
      id: created.profileId,
      name: 'Acme Europe',
    });

    const activated = await done('profiles:activate', { id: created.profileId });
    expect(activated.settings.activeProfileId).toBe(created.profileId);

    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({ activeProfileId: created.profileId });

    const deleted = await done('profiles:delete', { id: created.profileId });
    expect(deleted.profileId).toBe(created.profileId);
    expect(deleted.settings.activeProfileId).toBe('default');
    expect(deleted.settings.profiles.map((profile) => profile.id)).toEqual(['default']);
  });

  it('removes a deleted profile’s API key from the keychain', async () => {
    const { profileId } = await done('profiles:create', { name: 'Beta' });
    await world.services.secrets.set(profileId, KEY);
    await world.services.secrets.set('default', 'csk_live_default_0001');

    const deleted = await done('profiles:delete', { id: profileId });
    expect(deleted.keyProblem).toBeUndefined();
    expect(world.keyring.entries.has(profileId)).toBe(false);
    expect(world.keyring.entries.get('default')).toBe('csk_live_default_0001');
  });

  it('deletes the profile even when the keychain cannot be reached, and says so', async () => {
    const { profileId } = await done('profiles:create', { name: 'Beta' });
    world.keyring.setAvailable(false);
    const deleted = await done('profiles:delete', { id: profileId });
    expect(deleted.settings.profiles.map((profile) => profile.id)).toEqual(['default']);
    expect(deleted.keyProblem).toMatch(
      /^The profile "Beta" was deleted, but its API key could not be removed from the keychain: No keychain is available/,
    );
  });

  it.each([
    [
      'a duplicate name',
      'profiles:create',
      { name: 'DEFAULT ' },
      /A profile named "default" already exists/,
    ],
    [
      'an unknown profile',
      'profiles:activate',
      { id: 'gone-123456' },
      /There is no profile "gone-123456"/,
    ],
    [
      'the last profile',
      'profiles:delete',
      { id: 'default' },
      /is the only profile and cannot be deleted/,
    ],
    [
      'renaming a profile that is gone',
      'profiles:rename',
      { id: 'gone-123456', name: 'Acme' },
      /There is no profile "gone-123456"/,
    ],
  ])('refuses %s in plain words, changing nothing', async (_name, channel, payload, message) => {
    const before = await call<SettingsView>('settings:load');
    const change = await ipc.invoke(channel, APP_PAGE, payload);
    expect(change).toEqual({
      ok: false,
      error: { code: 'settings', message: expect.stringMatching(message) },
    });
    expect(await call<SettingsView>('settings:load')).toEqual(before);
  });
});

describe('malformed payloads', () => {
  it.each([
    ['profiles:create', { name: '' }, /name: The profile name is empty/],
    ['profiles:create', { name: 'Acme', apiKey: KEY }, /Unrecognized key/],
    [
      'profiles:update',
      { id: 'default', patch: { rateLimit: { requests: 0, perSeconds: 60 } } },
      /At least 1 request/,
    ],
    ['profiles:update', { id: 'default', patch: { id: 'other' } }, /Unrecognized key/],
    [
      'profiles:update',
      { id: 'default', patch: { endpoint: 'http://api.customerscore.io/api/tracker/track' } },
      /patch\.endpoint: The endpoint must start with https:\/\//,
    ],
    ['profiles:rename', { id: '../../etc', name: 'x' }, /a-z, 0-9 and dashes/],
    ['profiles:delete', 'default', /expected object/],
    ['profiles:activate', undefined, /expected object/],
    ['settings:load', { all: true }, /expected undefined/],
    ['secrets:set', { profileId: 'default', key: 'two words' }, /spaces or line breaks/],
    ['secrets:set', { profileId: 'default' }, /key/],
    ['secrets:status', null, /expected object/],
  ])('%s refuses %j with a clear message', async (channel, payload, message) => {
    const result = await ipc.invoke(channel, APP_PAGE, payload);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^The request was not valid \(/),
      },
    });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(result.ok ? '' : result.error.message).not.toContain('two words');
  });
});
