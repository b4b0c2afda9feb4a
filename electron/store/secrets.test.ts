import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  InvalidKeyError,
  KeychainError,
  KeychainUnavailableError,
  statusOf,
} from './secrets';
import type { Keyring } from './secrets';
import { createMemoryKeyring } from './secrets-memory';

const KEY = 'cs_live_9f8e7d6c5b4a1234';

describe('secret store (in-memory keyring)', () => {
  it('stores, reports, replaces and deletes a key per profile', async () => {
    const keyring = createMemoryKeyring();
    const store = createSecretStore(keyring);

    expect(await store.status('acme')).toEqual({ set: false });
    expect(await store.set('acme', `  ${KEY}\n`)).toEqual({ set: true, last4: '1234' });
    expect(await store.getKeyForSending('acme')).toBe(KEY);
    expect(keyring.entries.get('acme')).toBe(KEY);

    expect(await store.set('acme', 'cs_live_replacement_5678')).toEqual({
      set: true,
      last4: '5678',
    });
    expect(await store.getKeyForSending('acme')).toBe('cs_live_replacement_5678');

    expect(await store.delete('acme')).toBe(true);
    expect(await store.delete('acme')).toBe(false);
    expect(await store.status('acme')).toEqual({ set: false });
    expect(await store.getKeyForSending('acme')).toBeNull();
  });

  it('keeps the keys of two profiles apart', async () => {
    const store = createSecretStore(createMemoryKeyring());
    await store.set('acme', 'acme-key-00000001');
    await store.set('beta', 'beta-key-00000002');
    await store.delete('acme');
    expect(await store.getKeyForSending('beta')).toBe('beta-key-00000002');
    expect(await store.status('acme')).toEqual({ set: false });
  });

  it('refuses empty keys and keys with spaces or line breaks inside, storing nothing', async () => {
    const keyring = createMemoryKeyring();
    const store = createSecretStore(keyring);
    await expect(store.set('acme', '  \n')).rejects.toThrow('The API key is empty');
    await expect(store.set('acme', 'abc def')).rejects.toThrow(InvalidKeyError);
    await expect(store.set('acme', 'abc\ndef')).rejects.toThrow(/spaces or line breaks/);
    expect(keyring.entries.size).toBe(0);
  });

  it('tells the logger about every key it sees, so the log can mask it', async () => {
    const registered: string[] = [];
    const keyring = createMemoryKeyring();
    await keyring.set('beta', 'beta-key-00000002');
    const store = createSecretStore(keyring, { registerSecret: (key) => registered.push(key) });
    await store.set('acme', KEY);
    await store.status('beta');
    expect(registered).toEqual([KEY, 'beta-key-00000002']);
  });
});

describe('no keychain available', () => {
  it('refuses to store, read or delete, with the plain-words message, and stores nothing', async () => {
    const keyring = createMemoryKeyring();
    keyring.setAvailable(false);
    const store = createSecretStore(keyring);

    const attempt = store.set('acme', KEY);
    await expect(attempt).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(attempt).rejects.toThrow(
      'No keychain is available on this computer, so the API key cannot be stored safely. On Linux, install and unlock a Secret Service such as GNOME Keyring, or use the CUSTOMERSCORE_KEY environment variable for the command line.',
    );
    await expect(store.status('acme')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.getKeyForSending('acme')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.delete('acme')).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(keyring.entries.size).toBe(0);
  });

  it('treats a probe that fails as "no keychain"', async () => {
    const keyring: Keyring = {
      ...createMemoryKeyring(),
      isAvailable: async () => {
        throw new Error('D-Bus connection refused');
      },
    };
    await expect(createSecretStore(keyring).set('acme', KEY)).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
  });

  it('reports other keychain failures in words, without the key', async () => {
    const keyring: Keyring = {
      ...createMemoryKeyring(),
      set: async (_account, secret) => {
        throw new Error(`Ambiguous entry for ${secret}`);
      },
    };
    const failure = await createSecretStore(keyring)
      .set('acme', KEY)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KeychainError);
    expect((failure as Error).message).toBe(
      'The keychain could not be used: Ambiguous entry for [redacted]',
    );
  });
});

describe('key status', () => {
  it('shows the last 4 characters of keys of 8 or more characters, nothing of shorter ones', () => {
    expect(statusOf(null)).toEqual({ set: false });
    expect(statusOf('abcdefgh')).toEqual({ set: true, last4: 'efgh' });
    expect(statusOf('abcdefg')).toEqual({ set: true, last4: '' });
    expect(statusOf('x')).toEqual({ set: true, last4: '' });
  });

  it('never shows more than 4 characters, nor more than half of the key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (key) => {
        const status = statusOf(key);
        if (!status.set) throw new Error('a key was given');
        expect(key.endsWith(status.last4)).toBe(true);
        expect(status.last4.length).toBeLessThanOrEqual(Math.min(4, key.length / 2));
      }),
    );
  });
});
