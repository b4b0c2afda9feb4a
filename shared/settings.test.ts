import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRACK_API_DEFAULT_ENDPOINT } from './api';
import {
  defaultSettings,
  findProfile,
  newProfileSchema,
  profileSchema,
  sameProfileName,
  settingsSchema,
  trackerKeyProblem,
  trackerKeySchema,
} from './settings';
import type { Profile, Settings } from './settings';

const acme: Profile = {
  id: 'acme-1a2b3c',
  name: 'Acme',
  trackerKey: 'CS-ABCD1',
  endpoint: TRACK_API_DEFAULT_ENDPOINT,
  rateLimit: { requests: 200, perSeconds: 60 },
};

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('default settings', () => {
  it('have one active profile named default with the documented endpoint and rate limit', () => {
    const settings = defaultSettings();
    expect(settingsSchema.parse(settings)).toEqual({
      version: 1,
      activeProfileId: 'default',
      profiles: [
        {
          id: 'default',
          name: 'default',
          trackerKey: '',
          endpoint: 'https://api.customerscore.io/api/tracker/track',
          rateLimit: { requests: 200, perSeconds: 60 },
        },
      ],
    });
  });

  it('say that a profile without a tracker key cannot send yet', () => {
    const [profile] = defaultSettings().profiles;
    expect(profile && trackerKeyProblem(profile)).toMatch(/no tracker key yet/);
    expect(trackerKeyProblem(acme)).toBeNull();
  });
});

describe('profile fields', () => {
  it('accept a tracker key like CS-ABCD1 and refuse empty keys or keys with spaces', () => {
    expect(trackerKeySchema.parse('  CS-ABCD1 ')).toBe('CS-ABCD1');
    expect(firstMessage(trackerKeySchema.safeParse('   '))).toMatch(/tracker key is empty/);
    expect(firstMessage(trackerKeySchema.safeParse('CS ABCD1'))).toMatch(/must not contain spaces/);
  });

  it('trim the name and refuse a blank one', () => {
    expect(newProfileSchema.parse({ name: '  Acme  ' })).toEqual({ name: 'Acme' });
    expect(firstMessage(newProfileSchema.safeParse({ name: ' \t ' }))).toBe(
      'The profile name is empty.',
    );
  });

  it.each([
    ['https://api.customerscore.io/api/tracker/track', true],
    ['http://127.0.0.1:8123/track', true],
    ['http://localhost:8123/track', true],
    ['http://[::1]:8123/track', true],
    ['http://api.customerscore.io/api/tracker/track', false],
    ['http://localhost.evil.example/track', false],
    ['ftp://api.customerscore.io/', false],
    ['api.customerscore.io', false],
  ])('endpoint %s accepted: %s', (endpoint, accepted) => {
    expect(profileSchema.safeParse({ ...acme, endpoint }).success).toBe(accepted);
  });

  it('refuse a rate limit that is not a positive whole number', () => {
    for (const rateLimit of [
      { requests: 0, perSeconds: 60 },
      { requests: 1.5, perSeconds: 60 },
      { requests: 200, perSeconds: 0 },
      { requests: 200 },
    ]) {
      expect(profileSchema.safeParse({ ...acme, rateLimit }).success).toBe(false);
    }
  });
});

describe('settings file rules', () => {
  const withProfiles = (profiles: Profile[], activeProfileId = 'default'): Settings => ({
    version: 1,
    activeProfileId,
    profiles,
  });
  const base = defaultSettings().profiles;

  it('refuse two profiles with the same name, ignoring case and spaces', () => {
    const result = settingsSchema.safeParse(withProfiles([...base, { ...acme, name: 'DEFAULT ' }]));
    expect(firstMessage(result)).toMatch(/Two profiles are named/);
  });

  it('refuse two profiles with the same id', () => {
    const result = settingsSchema.safeParse(withProfiles([...base, { ...acme, id: 'default' }]));
    expect(firstMessage(result)).toMatch(/Two profiles have the id "default"/);
  });

  it('refuse an active profile that does not exist, and an empty list', () => {
    expect(firstMessage(settingsSchema.safeParse(withProfiles(base, 'gone')))).toMatch(
      /active profile "gone" does not exist/,
    );
    expect(settingsSchema.safeParse(withProfiles([])).success).toBe(false);
  });

  it('find a profile by id first, then by name', () => {
    const settings = withProfiles([...base, acme]);
    expect(findProfile(settings, 'acme-1a2b3c')).toBe(acme);
    expect(findProfile(settings, ' ACME')).toBe(acme);
    expect(findProfile(settings, 'nobody')).toBeUndefined();
  });
});

describe('sameProfileName', () => {
  const padding = fc.string({ maxLength: 3, unit: fc.constantFrom(' ', '\t', '\n') });

  it('ignores spaces around a name', () => {
    fc.assert(
      fc.property(fc.string(), padding, padding, (name, before, after) => {
        expect(sameProfileName(name, `${before}${name}${after}`)).toBe(true);
      }),
    );
  });

  it('ignores letter case', () => {
    const asciiName = fc.string({ minLength: 1, unit: fc.constantFrom(...'abcXYZ09 -_') });
    fc.assert(
      fc.property(asciiName, (name) => {
        expect(sameProfileName(name.toLowerCase(), name.toUpperCase())).toBe(true);
      }),
    );
  });

  it('tells different names apart', () => {
    expect(sameProfileName('Acme', 'Acme EU')).toBe(false);
  });
});
