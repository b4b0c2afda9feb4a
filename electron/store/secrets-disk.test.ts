import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, logFilePath } from '../main/logger';
import { createSecretStore } from './secrets';
import type { Keyring } from './secrets';
import { createOsKeyring } from './secrets-keyring';
import { createMemoryKeyring } from './secrets-memory';
import { createSettingsStore } from './settings';

// docs/security.md item 3: after a key is set and the app goes about its work, nothing in the data
// directory (settings, logs) contains it. With a Secret Service (under .ci/with-keyring.sh) the
// real keychain is used; elsewhere an in-memory one, which still proves the files are clean.

const service = `Customerscore Importer disk test ${process.pid}-${randomBytes(4).toString('hex')}`;
const osKeyring = createOsKeyring({ service });
const useOsKeyring = process.platform === 'linux' && (await osKeyring.isAvailable());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fsPromises.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'secrets-disk-'));
});
afterEach(async () => {
  await fsPromises.rm(dataDir, { recursive: true, force: true });
});

describe(`the API key never reaches the data directory (${useOsKeyring ? 'Secret Service' : 'in-memory keyring'})`, () => {
  it('is in no settings file, log line or backup after setting, using and deleting profiles', async () => {
    const key = `cs_live_${randomBytes(12).toString('hex')}`;
    const keyring: Keyring = useOsKeyring ? osKeyring : createMemoryKeyring();
    const logger = createLogger({ filePath: logFilePath(dataDir) });
    const secrets = createSecretStore(keyring, { registerSecret: logger.registerSecret });
    const settings = createSettingsStore({ dataDir, forgetKey: (id) => secrets.delete(id) });
    const profileIds: string[] = [];

    try {
      const acme = await settings.createProfile({ name: 'Acme', trackerKey: 'CS-ACME1' });
      profileIds.push(acme.id);
      const status = await secrets.set(acme.id, key);
      logger.info(`API key set for ${acme.name}: ${JSON.stringify(status)}`);
      await settings.updateProfile(acme.id, { endpoint: 'http://127.0.0.1:9/track' });
      await settings.setActiveProfile(acme.id);

      // What a careless error message on the send path would carry: the logger must mask it.
      const sendingKey = await secrets.getKeyForSending(acme.id);
      expect(sendingKey).toBe(key);
      logger.error(
        'Sending failed',
        new Error(`401 from ${acme.endpoint} with customerscore-key: ${String(sendingKey)}`),
      );
      logger.warn(`Retrying with ${encodeURIComponent(String(sendingKey))}`);

      // A damaged settings file is backed up: the backup must be clean too.
      await fsPromises.writeFile(path.join(dataDir, 'settings.json'), '{damaged');
      await settings.load();
      const beta = await settings.createProfile({ name: 'Beta' });
      profileIds.push(beta.id);
      await secrets.set(beta.id, `${key}-beta`);
      await settings.deleteProfile(beta.id);

      const files = await filesUnder(dataDir);
      expect(files.map((file) => path.basename(file)).sort()).toEqual([
        'main.log',
        'settings.json',
        expect.stringMatching(/^settings\.json\.corrupt-/),
      ]);
      const forms = [key, Buffer.from(key).toString('base64'), Buffer.from(key).toString('hex')];
      for (const file of files) {
        const content = await fsPromises.readFile(file, 'utf8');
        for (const form of forms) expect(content, file).not.toContain(form);
      }
      expect(await fsPromises.readFile(logFilePath(dataDir), 'utf8')).toContain('[redacted]');
      expect(await secrets.status(beta.id)).toEqual({ set: false });
    } finally {
      for (const id of profileIds) await secrets.delete(id).catch(() => undefined);
    }
  });
});
