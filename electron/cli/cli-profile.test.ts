import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import { KEYCHAIN_SERVICE } from '../store/secrets';
import { probeSecretService } from '../store/secrets-keyring';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runCliInProcess, writeMapping } from './testing/cli-harness';

const secretServiceAnswers = await probeSecretService(KEYCHAIN_SERVICE, process.env);

describe('customerscore profile', () => {
  it('creates, changes, shows and lists profiles in the shared data directory', async () => {
    const dir = await tempDir('csi-profile-');
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home') };
    const cli = (...args: string[]) => runCliInProcess(args, { env, cwd: dir });

    const set = await cli('profile', 'set', '--tracker-key', 'CS-ABCD1', '--rate', '100/60s');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Profile "default" saved.');
    const created = await cli(
      'profile',
      'set',
      '--profile',
      'Acme',
      '--tracker-key',
      'CS-ACME1',
      '--endpoint',
      'http://127.0.0.1:9/api/tracker/track',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Profile "Acme" created.');

    const list = await cli('profile', 'list');
    expect(list.stdout).toMatch(/^\* default +CS-ABCD1/m);
    expect(list.stdout).toMatch(/^ {2}Acme +CS-ACME1 +http:\/\/127\.0\.0\.1:9/m);

    const show = await cli('profile', 'show', '--profile', 'acme');
    expect(show.stdout).toContain('rate limit:  200/60s');
    expect((await cli('profile', 'show')).stdout).toContain('rate limit:  100/60s');

    const bad = await cli('profile', 'set', '--endpoint', 'http://example.com/track');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/https/);
  });
});

describe.skipIf(!secretServiceAnswers)('customerscore key (real Secret Service)', () => {
  const KEY = 'cli-keychain-key-ABCD9876';
  let dir = '';
  let env: Record<string, string | undefined> = {};
  let emulator: Emulator;
  const cli = (args: string[], stdin?: string) => runCliInProcess(args, { env, cwd: dir, stdin });

  beforeAll(async () => {
    dir = await tempDir('csi-key-');
    env = {
      CUSTOMERSCORE_HOME: path.join(dir, 'home'),
      DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
    };
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
    // A profile of its own (random id), so the test never touches a real "default" entry.
    await cli([
      'profile',
      'set',
      '--profile',
      'KeyTest',
      '--tracker-key',
      'CS-TEST1',
      '--endpoint',
      emulator.url,
    ]);
  });

  afterAll(async () => {
    await cli(['key', 'delete', '--profile', 'KeyTest']);
    await emulator.close();
  });

  it('stores the key from standard input, shows only its end, and sends with it', async () => {
    const set = await cli(['key', 'set', '--profile', 'KeyTest'], `${KEY}\n`);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('ends in 9876');
    expect(set.stdout).not.toContain(KEY);

    const status = await cli(['key', 'status', '--profile', 'KeyTest']);
    expect(status.stdout).toContain('API key set, ends in 9876');

    const file = await writeEventsCsv(dir, 20);
    const mapping = await writeMapping(dir, eventsMapping);
    const sent = await cli(['send', file, '--mapping', mapping, '--profile', 'KeyTest']);
    expect(sent.code).toBe(0);
    expect(emulator.received).toHaveLength(20);

    // docs/security.md item 3: nothing in the data directory holds the key.
    for (const name of await readdir(env['CUSTOMERSCORE_HOME'] as string, { recursive: true })) {
      const full = path.join(env['CUSTOMERSCORE_HOME'] as string, name);
      const text = await readFile(full, 'utf8').catch(() => '');
      expect(text).not.toContain(KEY);
    }

    const deleted = await cli(['key', 'delete', '--profile', 'KeyTest']);
    expect(deleted.stdout).toContain('deleted');
    const none = await cli(['send', file, '--mapping', mapping, '--profile', 'KeyTest']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No API key/);
  });
});
