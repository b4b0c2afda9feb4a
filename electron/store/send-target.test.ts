import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '../../shared/settings';
import { KeychainError } from './secrets';
import { resolveSendTarget, sendDestination, sendingKey } from './send-target';

const acme: Profile = {
  ...defaultProfile('acme', 'Acme'),
  trackerKey: 'CS-ACME1',
  endpoint: 'https://track.example/api/track',
  rateLimit: { requests: 50, perSeconds: 10 },
};

const keychain = (keys: Record<string, string>) => ({
  getKeyForSending: (id: string) => Promise.resolve(keys[id] ?? null),
});

describe('resolveSendTarget', () => {
  it("takes the profile's endpoint, tracker key, rate and keychain key", async () => {
    expect(await resolveSendTarget(keychain({ acme: 'secret-key' }), acme)).toEqual({
      ok: true,
      target: {
        profileId: 'acme',
        profileName: 'Acme',
        trackerKey: 'CS-ACME1',
        endpoint: 'https://track.example/api/track',
        rate: { requests: 50, perMs: 10_000 },
        apiKey: 'secret-key',
      },
    });
  });

  it("uses the caller's values instead of the profile's", async () => {
    const resolved = await resolveSendTarget(keychain({}), acme, {
      trackerKey: 'CS-OTHER',
      endpoint: 'http://127.0.0.1:9000/track',
      rate: { requests: 5, perMs: 1000 },
      apiKey: 'from-env',
    });
    expect(resolved).toMatchObject({
      ok: true,
      target: {
        trackerKey: 'CS-OTHER',
        endpoint: 'http://127.0.0.1:9000/track',
        rate: { requests: 5, perMs: 1000 },
        apiKey: 'from-env',
      },
    });
  });

  it('says what is missing, pointing to Settings', async () => {
    expect(sendDestination({ ...acme, trackerKey: '' })).toMatchObject({
      ok: false,
      code: 'tracker_key',
      message: expect.stringMatching(/"Acme" has no tracker key yet: enter it in Settings/),
    });
    expect(sendDestination({ ...acme, endpoint: 'ftp://track.example' })).toMatchObject({
      ok: false,
      code: 'endpoint',
      message: expect.stringMatching(/must start with https:\/\/.* Change it in Settings\.$/),
    });
    expect(await resolveSendTarget(keychain({}), acme)).toEqual({
      ok: false,
      code: 'api_key',
      message:
        'No API key is set for the profile "Acme": enter it in Settings (it is kept in this computer\'s keychain).',
    });
  });

  it('does not tell the caller to change a given endpoint in Settings', () => {
    const where = sendDestination(acme, { endpoint: 'track.example' });
    expect(where.ok ? '' : where.message).not.toMatch(/Settings/);
  });

  it('refuses a key a request header cannot carry, without quoting it', async () => {
    const found = await sendingKey(keychain({ acme: 'bad\u00e9key' }), acme);
    expect(found).toMatchObject({ ok: false, code: 'unsendable_key' });
    expect(found.ok ? '' : found.message).not.toContain('bad');
  });

  it("passes on the keychain's own words, and throws what is a bug", async () => {
    const locked = {
      getKeyForSending: () => Promise.reject(new KeychainError('The keychain is locked.')),
    };
    expect(await sendingKey(locked, acme)).toEqual({
      ok: false,
      code: 'keychain',
      message: 'The keychain is locked.',
    });
    const broken = { getKeyForSending: () => Promise.reject(new TypeError('oops')) };
    await expect(sendingKey(broken, acme)).rejects.toThrow(TypeError);
  });
});
