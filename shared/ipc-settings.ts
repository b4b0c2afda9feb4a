import { z } from 'zod';
import type { IpcRequestSpec } from './ipc';
import {
  newProfileSchema,
  profileIdSchema,
  profileNameSchema,
  profilePatchSchema,
  profileSchema,
} from './settings';

// The Settings screen's channels: profiles (settings.json) and the API key of each profile (the
// OS keychain). No channel here, or anywhere in the contract, answers with the key itself: the
// renderer may set it, delete it and learn whether one is set (docs/security.md item 1).

/** The longest text accepted as an API key: anything longer is a paste gone wrong. */
export const MAX_API_KEY_LENGTH = 4096;

/**
 * An API key as typed or pasted into the Settings screen: trimmed (a paste often brings a line
 * break), not empty, no spaces or control characters inside. The main process checks it again
 * before it reaches the keychain. Messages never repeat the key.
 */
export const apiKeyInputSchema = z
  .string({ error: 'The API key must be text.' })
  .trim()
  .min(1, 'The API key is empty: paste the key from the API settings of your Customerscore app.')
  .max(MAX_API_KEY_LENGTH, 'This is too long to be an API key: paste only the key itself.')
  .regex(
    /^[^\s\p{Cc}]+$/u,
    'The API key contains spaces or line breaks: paste only the key itself.',
  );

/** What the Settings screen knows of the settings file: every profile and which one is active. */
export const settingsViewSchema = z.object({
  profiles: z.array(profileSchema).min(1),
  activeProfileId: profileIdSchema,
  /** Set once, when a damaged settings file was put aside: show it to the user in these words. */
  problem: z.string().optional(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Names one profile by its id. */
export const profileRefSchema = z.strictObject({ id: profileIdSchema });
export type ProfileRef = z.infer<typeof profileRefSchema>;

/** `profiles:update`: the fields that change (the id never does). */
export const profileUpdateRequestSchema = z.strictObject({
  id: profileIdSchema,
  patch: profilePatchSchema,
});
export type ProfileUpdateRequest = z.infer<typeof profileUpdateRequestSchema>;

/** `profiles:rename`: the profile's new display name (its id, and so its API key, stay). */
export const profileRenameRequestSchema = z.strictObject({
  id: profileIdSchema,
  name: profileNameSchema,
});
export type ProfileRenameRequest = z.infer<typeof profileRenameRequestSchema>;

/**
 * The answer to every `profiles:*` change: the settings afterwards and the profile the change was
 * about. A refused change (a duplicate name, a profile that no longer exists, the last profile) is
 * the envelope's error, code `settings`. `keyProblem` comes with a deleted profile whose API key
 * could not be removed from the keychain: the profile is gone all the same.
 */
export const profileChangeSchema = z.object({
  settings: settingsViewSchema,
  profileId: profileIdSchema,
  keyProblem: z.string().optional(),
});
export type ProfileChange = z.infer<typeof profileChangeSchema>;

/** Names the profile whose API key a request is about. */
export const keyRefSchema = z.strictObject({ profileId: profileIdSchema });
export type KeyRef = z.infer<typeof keyRefSchema>;

/** `secrets:set`: stores the profile's API key, replacing any previous one. */
export const keySetRequestSchema = z.strictObject({
  profileId: profileIdSchema,
  key: apiKeyInputSchema,
});
export type KeySetRequest = z.infer<typeof keySetRequestSchema>;

/**
 * All that leaves the main process about an API key: set (with its last 4 characters, or none of
 * them when the key is shorter than 8), not set, or the keychain cannot be used (with a message
 * in plain words, e.g. no Secret Service on Linux).
 */
export const keyStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('set'), last4: z.string().max(4) }),
  z.object({ state: z.literal('notSet') }),
  z.object({ state: z.literal('unavailable'), message: z.string() }),
]);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

/**
 * The settings channels, merged into `ipcRequests` (shared/ipc.ts). `settings:load` answers the
 * profiles; `profiles:*` change them; `secrets:*` set, delete and describe a profile's API key.
 */
export const settingsRequests = {
  'settings:load': { request: z.undefined(), response: settingsViewSchema },
  'profiles:create': { request: newProfileSchema, response: profileChangeSchema },
  'profiles:update': { request: profileUpdateRequestSchema, response: profileChangeSchema },
  'profiles:rename': { request: profileRenameRequestSchema, response: profileChangeSchema },
  'profiles:delete': { request: profileRefSchema, response: profileChangeSchema },
  'profiles:activate': { request: profileRefSchema, response: profileChangeSchema },
  'secrets:status': { request: keyRefSchema, response: keyStatusSchema },
  // The key's status afterwards; a refused key or keychain is the envelope's error.
  'secrets:set': { request: keySetRequestSchema, response: keyStatusSchema },
  'secrets:delete': { request: keyRefSchema, response: keyStatusSchema },
} as const satisfies Record<string, IpcRequestSpec>;
