import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/settings';
import type { Profile } from '../../../../shared/settings';
import {
  apiKeyProblem,
  checkProfileForm,
  profileFormValues,
  profileNameProblem,
} from './profile-form';

const fresh = defaultProfile('default', 'default');
const acme: Profile = {
  id: 'acme-1a2b3c',
  name: 'Acme',
  trackerKey: 'CS-ACME1',
  endpoint: 'https://api.customerscore.io/api/tracker/track',
  rateLimit: { requests: 200, perSeconds: 60 },
};

describe('checkProfileForm', () => {
  it('finds nothing to save in an untouched form, even without a tracker key yet', () => {
    expect(checkProfileForm(fresh, profileFormValues(fresh))).toEqual({
      errors: {},
      patch: {},
      changed: false,
    });
  });

  it('sends only what changed, trimmed', () => {
    const values = { ...profileFormValues(fresh), trackerKey: ' CS-ABCD1 ', requests: '100' };
    expect(checkProfileForm(fresh, values)).toEqual({
      errors: {},
      patch: { trackerKey: 'CS-ABCD1', rateLimit: { requests: 100, perSeconds: 60 } },
      changed: true,
    });
  });

  it.each([
    ['trackerKey', '', /The tracker key is empty/],
    ['trackerKey', 'CS ABCD1', /must not contain spaces/],
    ['endpoint', 'http://api.customerscore.io/track', /must start with https:\/\//],
    ['endpoint', 'api.customerscore.io', /full web address/],
    ['requests', '0', /At least 1 request/],
    ['requests', '2.5', /whole number of requests/],
    ['perSeconds', 'sixty', /whole number of seconds/],
    ['perSeconds', '7200', /at most 3600 seconds/],
  ] as const)('explains a bad %s (%j) and saves nothing', (field, text, message) => {
    const check = checkProfileForm(acme, { ...profileFormValues(acme), [field]: text });
    expect(check.patch).toBeNull();
    expect(check.errors[field]).toMatch(message);
    expect(Object.keys(check.errors)).toEqual([field]);
  });

  it('accepts plain http only to this computer', () => {
    const local = { ...profileFormValues(acme), endpoint: 'http://127.0.0.1:8080/track' };
    expect(checkProfileForm(acme, local).patch).toEqual({
      endpoint: 'http://127.0.0.1:8080/track',
    });
  });

  it('sends any valid rate limit as whole numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600 }),
        (r, s) => {
          const values = { ...profileFormValues(acme), requests: ` ${r}`, perSeconds: `${s} ` };
          const check = checkProfileForm(acme, values);
          const unchanged = r === 200 && s === 60;
          expect(check.patch).toEqual(
            unchanged ? {} : { rateLimit: { requests: r, perSeconds: s } },
          );
        },
      ),
    );
  });
});

describe('profileNameProblem', () => {
  const profiles = [fresh, acme];

  it('accepts a new name, and a profile keeping its own name in another case', () => {
    expect(profileNameProblem('Beta', profiles)).toBeUndefined();
    expect(profileNameProblem('ACME', profiles, acme.id)).toBeUndefined();
  });

  it('refuses an empty name and one another profile has', () => {
    expect(profileNameProblem('   ', profiles)).toMatch(/The profile name is empty/);
    expect(profileNameProblem(' acme ', profiles)).toBe(
      'A profile named "Acme" already exists: choose another name.',
    );
  });
});

describe('apiKeyProblem', () => {
  it('accepts a pasted key with a line break around it', () => {
    expect(apiKeyProblem('\ncsk_live_0123456789\n')).toBeUndefined();
  });

  it.each([
    ['', /The API key is empty/],
    ['csk live', /spaces or line breaks/],
    ['x'.repeat(5000), /too long/],
  ])('refuses %j without repeating it', (key, message) => {
    const problem = apiKeyProblem(key) ?? '';
    expect(problem).toMatch(message);
    if (key.length > 0) expect(problem).not.toContain(key);
  });
});
