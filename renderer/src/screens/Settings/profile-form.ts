import type { z } from 'zod';
import { apiKeyInputSchema } from '../../../../shared/ipc-settings';
import {
  profileNameSchema,
  rateLimitSchema,
  sameProfileName,
  trackerKeySchema,
} from '../../../../shared/settings';
import type { Profile, ProfilePatch } from '../../../../shared/settings';
import { endpointSchema } from '../../../../shared/api';
import { describeZodError } from '../../../../shared/zod-issue';

// The Settings forms' checks, with the same shared schemas the main process applies again.

/** The profile form as typed: text, so a half-typed number can be shown and explained. */
export interface ProfileFormValues {
  trackerKey: string;
  endpoint: string;
  requests: string;
  perSeconds: string;
}

export type ProfileFormField = keyof ProfileFormValues;

export interface ProfileFormCheck {
  /** A message per field that cannot be saved as it is. */
  errors: Partial<Record<ProfileFormField, string>>;
  /** What to send: only the fields that changed; `null` while a field is invalid. */
  patch: ProfilePatch | null;
  changed: boolean;
}

export function profileFormValues(profile: Profile): ProfileFormValues {
  return {
    trackerKey: profile.trackerKey,
    endpoint: profile.endpoint,
    requests: String(profile.rateLimit.requests),
    perSeconds: String(profile.rateLimit.perSeconds),
  };
}

function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : describeZodError(result.error, 'This value is not allowed.');
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Checks the form against the profile it edits. A fresh profile's empty tracker key is no error
 * while it stays empty (the user may save the endpoint first); clearing a tracker key is.
 */
export function checkProfileForm(profile: Profile, values: ProfileFormValues): ProfileFormCheck {
  const errors: ProfileFormCheck['errors'] = {};
  const patch: ProfilePatch = {};

  const trackerKey = values.trackerKey.trim();
  if (trackerKey !== profile.trackerKey) {
    errors.trackerKey = firstMessage(trackerKeySchema, trackerKey);
    patch.trackerKey = trackerKey;
  }

  const endpoint = values.endpoint.trim();
  errors.endpoint = firstMessage(endpointSchema, endpoint);
  if (endpoint !== profile.endpoint) patch.endpoint = endpoint;

  const requests = wholeNumber(values.requests);
  const perSeconds = wholeNumber(values.perSeconds);
  errors.requests =
    requests === undefined
      ? 'Enter a whole number of requests, e.g. 200.'
      : firstMessage(rateLimitSchema.shape.requests, requests);
  errors.perSeconds =
    perSeconds === undefined
      ? 'Enter a whole number of seconds, e.g. 60.'
      : firstMessage(rateLimitSchema.shape.perSeconds, perSeconds);
  if (
    requests !== undefined &&
    perSeconds !== undefined &&
    (requests !== profile.rateLimit.requests || perSeconds !== profile.rateLimit.perSeconds)
  ) {
    patch.rateLimit = { requests, perSeconds };
  }

  const present = Object.fromEntries(
    (Object.entries(errors) as [ProfileFormField, string | undefined][]).filter(
      ([, message]) => message !== undefined,
    ),
  ) as ProfileFormCheck['errors'];
  const changed = Object.keys(patch).length > 0;
  const valid = Object.keys(present).length === 0;
  return { errors: present, patch: valid ? patch : null, changed };
}

/**
 * Why `name` cannot name a profile, or `undefined` when it can: the shared name rules, and no
 * other profile with the same name (trimmed, case-insensitive), `exceptId` being the one renamed.
 */
export function profileNameProblem(
  name: string,
  profiles: readonly Profile[],
  exceptId?: string,
): string | undefined {
  const problem = firstMessage(profileNameSchema, name);
  if (problem !== undefined) return problem;
  const clash = profiles.find(
    (profile) => profile.id !== exceptId && sameProfileName(profile.name, name),
  );
  return clash === undefined
    ? undefined
    : `A profile named "${clash.name}" already exists: choose another name.`;
}

/** Why the typed API key cannot be stored, or `undefined` when it can. */
export function apiKeyProblem(key: string): string | undefined {
  return firstMessage(apiKeyInputSchema, key);
}
