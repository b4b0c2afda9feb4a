import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'settings-unknown-'));
});
afterEach(async () => {
  await fsPromises.rm(dataDir, { recursive: true, force: true });
});

const settingsFile = () => path.join(dataDir, 'settings.json');
const profile = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  trackerKey: 'CS-ABCD1',
  endpoint: 'https://api.customerscore.io/api/tracker/track',
  rateLimit: { requests: 200, perSeconds: 60 },
  ...extra,
});

// As a newer version might write it: a field at the top, and fields in profiles.
const fromNewerVersion = {
  version: 1,
  activeProfileId: 'default',
  theme: { accent: 'teal' },
  profiles: [
    profile('default', 'default', { color: 'red', sendsPerDay: 3 }),
    profile('acme', 'Acme', { notes: 'EU tenant' }),
  ],
};

describe('fields of a settings file that this version does not know', () => {
  it('are not damage: the file loads as it is, without a notice and without a backup', async () => {
    await fsPromises.writeFile(settingsFile(), JSON.stringify(fromNewerVersion));
    const loaded = await createSettingsStore({ dataDir }).load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.settings.profiles.map((p) => p.name)).toEqual(['default', 'Acme']);
    // The app works only with fields it knows.
    expect(loaded.settings.profiles[0]).toEqual(profile('default', 'default'));
    expect(await fsPromises.readdir(dataDir)).toEqual(['settings.json']);
  });

  it('are written back unchanged on every save, and go only with a deleted profile', async () => {
    await fsPromises.writeFile(settingsFile(), JSON.stringify(fromNewerVersion));
    const store = createSettingsStore({ dataDir });
    await store.updateProfile('default', { trackerKey: 'CS-NEW01' });
    await store.createProfile({ name: 'Beta' });
    await store.renameProfile('acme', 'Acme EU');

    const saved = JSON.parse(await fsPromises.readFile(settingsFile(), 'utf8')) as {
      theme: unknown;
      profiles: Record<string, unknown>[];
    };
    expect(saved.theme).toEqual({ accent: 'teal' });
    expect(saved.profiles[0]).toMatchObject({
      trackerKey: 'CS-NEW01',
      color: 'red',
      sendsPerDay: 3,
    });
    expect(saved.profiles[1]).toMatchObject({ name: 'Acme EU', notes: 'EU tenant' });
    expect(Object.keys(saved.profiles[2] ?? {})).not.toContain('notes');

    await store.deleteProfile('acme');
    const after = await fsPromises.readFile(settingsFile(), 'utf8');
    expect(after).not.toContain('EU tenant');
    expect(after).toContain('"accent": "teal"');
  });

  it('do not hide real damage: a known field that is wrong still puts the file aside', async () => {
    const broken = {
      ...fromNewerVersion,
      profiles: [profile('default', 'default', { rateLimit: 5 })],
    };
    await fsPromises.writeFile(settingsFile(), JSON.stringify(broken));
    const loaded = await createSettingsStore({ dataDir }).load();
    expect(loaded.problem).toMatch(/^The settings file was damaged/);
  });
});
