import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSecretStore,
  KEYCHAIN_UNAVAILABLE_MESSAGE,
  KeychainUnavailableError,
} from './secrets';
import { createOsKeyring } from './secrets-keyring';

// These tests talk to the real OS keychain: on Linux, the D-Bus Secret Service that
// `.ci/with-keyring.sh` starts (gnome-keyring in a private session). Outside it they are skipped,
// never passed without running.

const run = promisify(execFile);
const isLinux = process.platform === 'linux';

// A service name of their own per run, so they never touch the app's entries or another run's.
const service = `Customerscore Importer test ${process.pid}-${randomBytes(4).toString('hex')}`;
const keyring = createOsKeyring({ service });
const secretServiceAnswers = isLinux && (await keyring.isAvailable());
// `secret-tool` has no --version; a search that finds nothing exits 1, a missing tool rejects with ENOENT.
const secretToolPresent =
  secretServiceAnswers &&
  (await run('secret-tool', ['search', 'service', service]).then(
    () => true,
    (error: unknown) => (error as NodeJS.ErrnoException).code !== 'ENOENT',
  ));

const SKIP_REASON = 'skipped: no Secret Service; run under .ci/with-keyring.sh';
if (!isLinux) console.warn('Secret Service tests: skipped: not Linux');
else if (!secretServiceAnswers) console.warn(`Secret Service tests: ${SKIP_REASON}`);

// secret-tool prints the secret on stdout and the attributes on stderr: read both.
async function secretTool(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run('secret-tool', args);
  return stdout + stderr;
}

describe.skipIf(!secretServiceAnswers)(
  secretServiceAnswers ? 'API keys in the real Secret Service' : `Secret Service (${SKIP_REASON})`,
  () => {
    const store = createSecretStore(keyring);

    afterAll(async () => {
      await run('secret-tool', ['clear', 'service', service]).catch(() => undefined);
    });

    it('stores a key and reads it back, showing only its last 4 characters', async () => {
      expect(await store.set('round-trip', 'cs_round_trip_key_4321')).toEqual({
        set: true,
        last4: '4321',
      });
      expect(await store.status('round-trip')).toEqual({ set: true, last4: '4321' });
      expect(await store.getKeyForSending('round-trip')).toBe('cs_round_trip_key_4321');
    });

    it('replaces a key in place, leaving one entry', async () => {
      await store.set('replace', 'cs_first_key_1111');
      await store.set('replace', 'cs_second_key_2222');
      expect(await store.getKeyForSending('replace')).toBe('cs_second_key_2222');
      const listing = await secretTool(
        'search',
        '--all',
        'service',
        service,
        'username',
        'replace',
      );
      expect(listing.match(/^secret = /gm)).toHaveLength(1);
    });

    it('deletes a key', async () => {
      await store.set('delete', 'cs_doomed_key_9999');
      expect(await store.delete('delete')).toBe(true);
      expect(await store.status('delete')).toEqual({ set: false });
      expect(await store.getKeyForSending('delete')).toBeNull();
      expect(await store.delete('delete')).toBe(false);
    });

    it('keeps the keys of two profiles apart', async () => {
      await store.set('profile-a', 'cs_key_of_a_aaaa');
      await store.set('profile-b', 'cs_key_of_b_bbbb');
      await store.delete('profile-a');
      expect(await store.getKeyForSending('profile-b')).toBe('cs_key_of_b_bbbb');
      expect(await store.getKeyForSending('profile-a')).toBeNull();
    });

    it.skipIf(!secretToolPresent)(
      'puts the entry in the Secret Service, where secret-tool finds it (service, account = profile id)',
      async () => {
        await store.set('visible', 'cs_visible_key_7777');
        expect(await secretTool('lookup', 'service', service, 'username', 'visible')).toBe(
          'cs_visible_key_7777',
        );
        const listing = await secretTool('search', '--all', 'service', service);
        expect(listing).toContain('attribute.username = visible');
        expect(listing).toContain(`attribute.service = ${service}`);
      },
    );

    it('refuses with the plain-words message when the probe says no keychain answers', async () => {
      const unavailable = createSecretStore(createOsKeyring({ service, probe: async () => false }));
      await expect(unavailable.set('refused', 'cs_refused_key_0000')).rejects.toBeInstanceOf(
        KeychainUnavailableError,
      );
      expect(await store.status('refused')).toEqual({ set: false });
    });
  },
);

// A real check of the missing-keychain path: a separate process without a usable session bus.
describe.skipIf(!isLinux)(
  isLinux ? 'a computer without a Secret Service' : 'no Secret Service (skipped: not Linux)',
  () => {
    const child = fileURLToPath(new URL('./secrets-keyring.child.ts', import.meta.url));

    async function storeInChild(
      env: NodeJS.ProcessEnv,
      probe: 'real' | 'says-yes',
    ): Promise<Record<string, unknown>> {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', child, service, probe], {
        env,
      });
      return JSON.parse(stdout) as Record<string, unknown>;
    }

    const withoutBus = { ...process.env };
    delete withoutBus['DBUS_SESSION_BUS_ADDRESS'];
    const brokenBus = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/customerscore-${process.pid}`,
    };

    it.each([
      ['no session bus at all', withoutBus],
      ['a session bus address that leads nowhere', brokenBus],
    ])('with %s: storing a key fails with the "no keychain" message', async (_label, env) => {
      expect(await storeInChild(env, 'real')).toMatchObject({
        stored: false,
        name: 'KeychainUnavailableError',
        message: KEYCHAIN_UNAVAILABLE_MESSAGE,
      });
    });

    it('does not fall back to the kernel keyring even when the probe is skipped', async () => {
      // The library itself, pinned to the Secret Service, refuses: it tried D-Bus, nothing else.
      expect(await storeInChild(brokenBus, 'says-yes')).toMatchObject({
        stored: false,
        name: 'KeychainUnavailableError',
        cause: expect.stringMatching(/DBus/i),
      });
    });
  },
);
