import { z } from 'zod';
import { endpointSchema, RATE_LIMIT, TRACK_API_DEFAULT_ENDPOINT } from './api';

// The settings file (`settings.json` in the data directory): named profiles, one of them active.
// The main process checks the file with these schemas; the renderer's forms use the same ones.

/** The profile a fresh data directory starts with, shared by the app and the command line. */
export const DEFAULT_PROFILE_ID = 'default';

/** The documented limit of the Track API: 200 requests per 60 seconds. */
export const DEFAULT_RATE_LIMIT = {
  requests: RATE_LIMIT.requests,
  perSeconds: RATE_LIMIT.perMs / 1000,
} as const;

/** Upper bounds that catch typos (an extra zero) without getting in the way of real use. */
export const PROFILE_LIMITS = {
  nameLength: 60,
  trackerKeyLength: 200,
  requests: 10_000,
  perSeconds: 3_600,
} as const;

/**
 * A profile's id: stable for its lifetime (renaming keeps it) and the keychain account of its API
 * key. Lower-case letters, digits and dashes, so it is safe in file names and on the command line.
 */
export const profileIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A profile id uses only a-z, 0-9 and dashes.');

/** A profile's display name: trimmed, not empty. Uniqueness is checked against the other profiles. */
export const profileNameSchema = z
  .string({ error: 'The profile name must be text.' })
  .trim()
  .min(1, 'The profile name is empty.')
  .max(
    PROFILE_LIMITS.nameLength,
    `The profile name is too long (at most ${PROFILE_LIMITS.nameLength} characters).`,
  );

/** The public tracker key from the Customerscore app settings, e.g. `CS-ABCD1`. */
export const trackerKeySchema = z
  .string({ error: 'The tracker key must be text.' })
  .trim()
  .min(1, 'The tracker key is empty: copy it from your Customerscore app settings (e.g. CS-ABCD1).')
  .max(PROFILE_LIMITS.trackerKeyLength, 'The tracker key is too long.')
  .regex(/^\S+$/, 'The tracker key must not contain spaces.');

/** How fast requests may go: `requests` per `perSeconds` seconds (the API allows 200 per 60). */
export const rateLimitSchema = z.strictObject({
  requests: z
    .int('The number of requests must be a whole number.')
    .min(1, 'At least 1 request must be allowed.')
    .max(PROFILE_LIMITS.requests, `At most ${PROFILE_LIMITS.requests} requests.`),
  perSeconds: z
    .int('The number of seconds must be a whole number.')
    .min(1, 'The period is at least 1 second.')
    .max(PROFILE_LIMITS.perSeconds, `The period is at most ${PROFILE_LIMITS.perSeconds} seconds.`),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

/**
 * One profile as stored. `trackerKey` is `''` until the user enters one (a fresh `default`
 * profile); anything that sends must refuse a profile without one, see {@link trackerKeyProblem}.
 * The API key is not here: it lives in the OS keychain under the profile's id.
 */
export const profileSchema = z.strictObject({
  id: profileIdSchema,
  name: profileNameSchema,
  trackerKey: z.union([z.literal(''), trackerKeySchema]),
  endpoint: endpointSchema,
  rateLimit: rateLimitSchema,
});
export type Profile = z.infer<typeof profileSchema>;

/** Names are compared trimmed and case-insensitively: "Acme" and "acme " are the same profile. */
export function sameProfileName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}

/** "Check for updates automatically" (at start and once a day), on Settings' Updates section. */
export const updatePreferencesSchema = z.strictObject({ automatic: z.boolean() });
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;

/** The update choices a settings file stands for: automatic unless it says otherwise. */
export function updatePreferencesOf(settings: Settings): UpdatePreferences {
  return { automatic: settings.updates?.automatic ?? true };
}

/** The whole settings file. Profile ids and names are unique; the active profile exists. */
export const settingsSchema = z
  .strictObject({
    version: z.literal(1),
    activeProfileId: profileIdSchema,
    profiles: z.array(profileSchema).min(1, 'There must be at least one profile.'),
    /** The installed app's updates; a file written before this existed has none: automatic. */
    updates: updatePreferencesSchema.optional(),
  })
  .superRefine((settings, ctx) => {
    settings.profiles.forEach((profile, index) => {
      const earlier = settings.profiles.slice(0, index);
      if (earlier.some((other) => other.id === profile.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', index, 'id'],
          message: `Two profiles have the id "${profile.id}".`,
        });
      }
      if (earlier.some((other) => sameProfileName(other.name, profile.name))) {
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', index, 'name'],
          message: `Two profiles are named "${profile.name}".`,
        });
      }
    });
    if (!settings.profiles.some((profile) => profile.id === settings.activeProfileId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeProfileId'],
        message: `The active profile "${settings.activeProfileId}" does not exist.`,
      });
    }
  });
export type Settings = z.infer<typeof settingsSchema>;

/** What a form sends to create a profile: a name; everything else falls back to the defaults. */
export const newProfileSchema = z.strictObject({
  name: profileNameSchema,
  trackerKey: trackerKeySchema.optional(),
  endpoint: endpointSchema.optional(),
  rateLimit: rateLimitSchema.optional(),
});
export type NewProfile = z.infer<typeof newProfileSchema>;

/** What a form sends to change a profile: only the fields that change. The id never changes. */
export const profilePatchSchema = z.strictObject({
  name: profileNameSchema.optional(),
  trackerKey: trackerKeySchema.optional(),
  endpoint: endpointSchema.optional(),
  rateLimit: rateLimitSchema.optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/** A profile with the documented endpoint and rate limit and no tracker key yet. */
export function defaultProfile(id: string, name: string): Profile {
  return {
    id,
    name,
    trackerKey: '',
    endpoint: TRACK_API_DEFAULT_ENDPOINT,
    rateLimit: { ...DEFAULT_RATE_LIMIT },
  };
}

/** The settings of a fresh data directory: one active profile, `default`. */
export function defaultSettings(): Settings {
  return {
    version: 1,
    activeProfileId: DEFAULT_PROFILE_ID,
    profiles: [defaultProfile(DEFAULT_PROFILE_ID, 'default')],
  };
}

/** The profile with this id or, failing that, this name (compared as {@link sameProfileName}). */
export function findProfile(settings: Settings, idOrName: string): Profile | undefined {
  return (
    settings.profiles.find((profile) => profile.id === idOrName) ??
    settings.profiles.find((profile) => sameProfileName(profile.name, idOrName))
  );
}

/** Why this profile cannot send yet, in plain words, or `null` when it can (as far as settings go). */
export function trackerKeyProblem(profile: Profile): string | null {
  if (profile.trackerKey !== '') return null;
  return `The profile "${profile.name}" has no tracker key yet: enter it in Settings (it looks like CS-ABCD1 and is in your Customerscore app settings).`;
}
