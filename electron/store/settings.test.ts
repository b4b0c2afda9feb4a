import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, SettingsError } from './settings';
import type { SettingsFs } from './settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'settings-store-'));
});
afterEach(async () => {
  await fsPromises.rm(dataDir, { recursive: true, force: true });
});

const settingsFile = () => path.join(dataDir, 'settings.json');
const readJson = async (): Promise<unknown> =>
  JSON.parse(await fsPromises.readFile(settingsFile(), 'utf8'));

describe('a fresh data directory', () => {
  it('has one active profile named default, shared by every store on the folder', async () => {
    const store = createSettingsStore({ dataDir });
    const loaded = await store.load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.settings.activeProfileId).toBe('default');
    expect(await store.listProfiles()).toEqual([
      {
        id: 'default',
        name: 'default',
        trackerKey: '',
        endpoint: 'https://api.customerscore.io/api/tracker/track',
        rateLimit: { requests: 200, perSeconds: 60 },
      },
    ]);
    expect((await store.activeProfile()).id).toBe('default');
  });

  it('is not written to until something changes', async () => {
    await createSettingsStore({ dataDir }).load();
    expect(await fsPromises.readdir(dataDir)).toEqual([]);
  });
});

describe('persistence', () => {
  it('keeps profiles, changes and the active profile for the next start', async () => {
    const first = createSettingsStore({ dataDir });
    const acme = await first.createProfile({ name: '  Acme  ', trackerKey: 'CS-ACME1' });
    await first.updateProfile('default', {
      trackerKey: 'CS-DEF01',
      rateLimit: { requests: 100, perSeconds: 60 },
    });
    await first.setActiveProfile(acme.id);

    const second = createSettingsStore({ dataDir });
    expect(await second.activeProfile()).toEqual({
      id: acme.id,
      name: 'Acme',
      trackerKey: 'CS-ACME1',
      endpoint: 'https://api.customerscore.io/api/tracker/track',
      rateLimit: { requests: 200, perSeconds: 60 },
    });
    expect(await second.getProfile('default')).toMatchObject({
      trackerKey: 'CS-DEF01',
      rateLimit: { requests: 100, perSeconds: 60 },
    });
    expect(await readJson()).toMatchObject({ version: 1, activeProfileId: acme.id });
  });

  it('gives new profiles a readable id that stays the same after a rename', async () => {
    const store = createSettingsStore({ dataDir });
    const profile = await store.createProfile({ name: 'Müller & Söhne GmbH' });
    expect(profile.id).toMatch(/^muller-sohne-gmbh-[0-9a-f]{6}$/);
    const renamed = await store.renameProfile(profile.id, 'Müller Group');
    expect(renamed).toMatchObject({ id: profile.id, name: 'Müller Group' });
    expect(await store.getProfile('müller group')).toEqual(renamed);
  });

  it('keeps every change when several are made at once', async () => {
    const store = createSettingsStore({ dataDir });
    await Promise.all(['A', 'B', 'C', 'D'].map((name) => store.createProfile({ name })));
    const names = (await createSettingsStore({ dataDir }).listProfiles()).map((p) => p.name);
    expect(names.sort()).toEqual(['A', 'B', 'C', 'D', 'default']);
  });
});

describe('atomic writes', () => {
  it('leaves the previous settings whole when the process dies between writing and renaming', async () => {
    const store = createSettingsStore({ dataDir });
    await store.createProfile({ name: 'Acme' });
    const before = await fsPromises.readFile(settingsFile(), 'utf8');

    const crashingFs: SettingsFs = {
      ...fsPromises,
      rename: async () => {
        throw new Error('simulated crash before rename');
      },
    };
    const crashing = createSettingsStore({ dataDir, fs: crashingFs });
    await expect(crashing.createProfile({ name: 'Lost' })).rejects.toThrow('simulated crash');

    expect(await fsPromises.readFile(settingsFile(), 'utf8')).toBe(before);
    expect(await fsPromises.readdir(dataDir)).toEqual(['settings.json']);
    const names = (await createSettingsStore({ dataDir }).listProfiles()).map((p) => p.name);
    expect(names).toEqual(['default', 'Acme']);
  });
});

describe('a damaged settings file', () => {
  const damaged = [
    ['not JSON', '{"version": 1, "profiles": [', /not valid JSON/],
    [
      'an http endpoint on the internet',
      JSON.stringify({
        version: 1,
        activeProfileId: 'default',
        profiles: [
          {
            id: 'default',
            name: 'default',
            trackerKey: '',
            endpoint: 'http://api.customerscore.io/api/tracker/track',
            rateLimit: { requests: 200, perSeconds: 60 },
          },
        ],
      }),
      /must start with https:\/\/.*profiles\.0\.endpoint/,
    ],
    ['an empty file', '', /not valid JSON/],
  ] as const;

  it.each(damaged)(
    'with %s is kept as a backup, reported once in plain words, and replaced by the defaults',
    async (_label, content, reason) => {
      await fsPromises.writeFile(settingsFile(), content);
      const now = () => new Date('2026-03-04T05:06:07.089Z');
      const store = createSettingsStore({ dataDir, now });

      const loaded = await store.load();
      expect(loaded.settings.profiles.map((p) => p.name)).toEqual(['default']);
      expect(loaded.problem).toMatch(/^The settings file was damaged/);
      expect(loaded.problem).toMatch(reason);
      expect(loaded.problem).toContain('settings.json.corrupt-2026-03-04T05-06-07-089Z');

      const backup = path.join(dataDir, 'settings.json.corrupt-2026-03-04T05-06-07-089Z');
      expect(await fsPromises.readFile(backup, 'utf8')).toBe(content);
      expect((await store.load()).problem).toBeUndefined();
    },
  );

  it('is reported by load() even when a change came first, and the change is kept', async () => {
    await fsPromises.writeFile(settingsFile(), '{oops');
    const store = createSettingsStore({ dataDir });
    await store.createProfile({ name: 'Acme' });
    expect((await store.load()).problem).toMatch(/damaged/);
    expect((await store.listProfiles()).map((p) => p.name)).toEqual(['default', 'Acme']);
  });

  it('never overwrites an earlier backup from the same moment', async () => {
    const now = () => new Date('2026-03-04T05:06:07.089Z');
    for (const content of ['first damage', 'second damage']) {
      await fsPromises.writeFile(settingsFile(), content);
      await createSettingsStore({ dataDir, now }).load();
    }
    const stamp = 'settings.json.corrupt-2026-03-04T05-06-07-089Z';
    expect(await fsPromises.readFile(path.join(dataDir, stamp), 'utf8')).toBe('first damage');
    expect(await fsPromises.readFile(path.join(dataDir, `${stamp}-2`), 'utf8')).toBe(
      'second damage',
    );
  });
});

describe('endpoint rules', () => {
  it('accepts https, and plain http only to this computer', async () => {
    const store = createSettingsStore({ dataDir });
    for (const endpoint of [
      'https://eu.customerscore.example/api/tracker/track',
      'http://127.0.0.1:8080/track',
      'http://localhost:8080/track',
      'http://[::1]:8080/track',
    ]) {
      expect((await store.updateProfile('default', { endpoint })).endpoint).toBe(endpoint);
    }
  });

  it.each([
    ['http://api.customerscore.io/api/tracker/track', /must start with https:\/\//],
    ['http://localhost.evil.example/track', /must start with https:\/\//],
    ['https://user:pass@api.customerscore.io/track', /must not contain a user name or password/],
    ['customerscore.io', /full web address/],
  ])('refuses %s with a plain message', async (endpoint, message) => {
    const store = createSettingsStore({ dataDir });
    await expect(store.updateProfile('default', { endpoint })).rejects.toThrow(message);
    await expect(store.createProfile({ name: 'X', endpoint })).rejects.toThrow(SettingsError);
    expect((await store.activeProfile()).endpoint).toBe(
      'https://api.customerscore.io/api/tracker/track',
    );
  });
});

describe('profile rules', () => {
  it('refuses a duplicate name, ignoring case and spaces, on create and on rename', async () => {
    const store = createSettingsStore({ dataDir });
    const acme = await store.createProfile({ name: 'Acme' });
    await expect(store.createProfile({ name: ' acme ' })).rejects.toThrow(
      'A profile named "Acme" already exists: choose another name.',
    );
    await expect(store.renameProfile('default', 'ACME')).rejects.toThrow(/already exists/);
    expect((await store.renameProfile(acme.id, 'acme')).name).toBe('acme');
  });

  it('refuses an empty name and a tracker key with spaces', async () => {
    const store = createSettingsStore({ dataDir });
    await expect(store.createProfile({ name: '   ' })).rejects.toThrow(
      'The profile name is empty.',
    );
    await expect(store.updateProfile('default', { trackerKey: 'CS ABCD1' })).rejects.toThrow(
      'The tracker key must not contain spaces.',
    );
  });

  it('names the profile it cannot find', async () => {
    const store = createSettingsStore({ dataDir });
    await expect(store.getProfile('nobody')).rejects.toThrow('There is no profile "nobody".');
    await expect(store.setActiveProfile('nobody')).rejects.toThrow(/no profile "nobody"/);
    await expect(store.deleteProfile('nobody')).rejects.toThrow(/no profile "nobody"/);
    await expect(store.updateProfile('nobody', { trackerKey: 'CS-1' })).rejects.toThrow(
      /no profile "nobody"/,
    );
  });

  it('switches the active profile', async () => {
    const store = createSettingsStore({ dataDir });
    const acme = await store.createProfile({ name: 'Acme' });
    expect(await store.setActiveProfile(acme.id)).toEqual(acme);
    expect((await store.activeProfile()).id).toBe(acme.id);
  });

  it('cannot delete the last profile', async () => {
    const store = createSettingsStore({ dataDir });
    await expect(store.deleteProfile('default')).rejects.toThrow(
      '"default" is the only profile and cannot be deleted: create another profile first.',
    );
  });

  it('activates another profile when the active one is deleted, and forgets its key', async () => {
    const forgotten: string[] = [];
    const store = createSettingsStore({
      dataDir,
      forgetKey: async (id) => forgotten.push(id),
    });
    const acme = await store.createProfile({ name: 'Acme' });
    const beta = await store.createProfile({ name: 'Beta' });
    await store.setActiveProfile(acme.id);

    const result = await store.deleteProfile(acme.id);
    expect(result).toEqual({ deleted: acme, active: await store.getProfile('default') });
    expect(forgotten).toEqual([acme.id]);
    expect((await store.listProfiles()).map((p) => p.name)).toEqual(['default', 'Beta']);

    // Deleting one that is not active leaves the active one alone.
    await store.setActiveProfile(beta.id);
    expect((await store.deleteProfile('default')).active.id).toBe(beta.id);
  });

  it('deletes the profile even when its key cannot be removed, and says so', async () => {
    const store = createSettingsStore({
      dataDir,
      forgetKey: async () => {
        throw new Error('The keychain is locked.');
      },
    });
    const acme = await store.createProfile({ name: 'Acme' });
    const result = await store.deleteProfile(acme.id);
    expect(result.keyProblem).toBe(
      'The profile "Acme" was deleted, but its API key could not be removed from the keychain: The keychain is locked.',
    );
    expect((await store.listProfiles()).map((p) => p.id)).toEqual(['default']);
  });
});
