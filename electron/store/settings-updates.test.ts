import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'settings-updates-'));
});
afterEach(async () => {
  await fsPromises.rm(dataDir, { recursive: true, force: true });
});

const settingsFile = () => path.join(dataDir, 'settings.json');
const readJson = async () =>
  JSON.parse(await fsPromises.readFile(settingsFile(), 'utf8')) as Record<string, unknown>;

// A file as versions before the Updates section wrote it: no `updates` at all.
const beforeUpdates = {
  version: 1,
  activeProfileId: 'default',
  profiles: [
    {
      id: 'default',
      name: 'default',
      trackerKey: 'CS-ABCD1',
      endpoint: 'https://api.customerscore.io/api/tracker/track',
      rateLimit: { requests: 200, perSeconds: 60 },
    },
  ],
};

describe('"Check for updates automatically" in settings.json', () => {
  it('is on for a fresh data directory and for a file written before the choice existed', async () => {
    expect(await createSettingsStore({ dataDir }).updatePreferences()).toEqual({ automatic: true });
    await fsPromises.writeFile(settingsFile(), JSON.stringify(beforeUpdates));
    const store = createSettingsStore({ dataDir });
    expect(await store.updatePreferences()).toEqual({ automatic: true });
    // Reading it is no damage: no notice, no backup.
    expect((await store.load()).problem).toBeUndefined();
    expect(await fsPromises.readdir(dataDir)).toEqual(['settings.json']);
  });

  it('is kept when turned off, with the profiles untouched, and read back by another store', async () => {
    await fsPromises.writeFile(settingsFile(), JSON.stringify(beforeUpdates));
    await createSettingsStore({ dataDir }).setUpdatePreferences({ automatic: false });
    expect(await readJson()).toEqual({ ...beforeUpdates, updates: { automatic: false } });
    const again = createSettingsStore({ dataDir });
    expect(await again.updatePreferences()).toEqual({ automatic: false });
    // A profile change keeps the choice.
    await again.updateProfile('default', { trackerKey: 'CS-OTHER' });
    expect(await again.updatePreferences()).toEqual({ automatic: false });
  });

  it('keeps fields a newer version wrote beside the choice', async () => {
    await fsPromises.writeFile(
      settingsFile(),
      JSON.stringify({ ...beforeUpdates, theme: { accent: 'teal' } }),
    );
    await createSettingsStore({ dataDir }).setUpdatePreferences({ automatic: false });
    expect(await readJson()).toMatchObject({
      theme: { accent: 'teal' },
      updates: { automatic: false },
    });
  });
});
