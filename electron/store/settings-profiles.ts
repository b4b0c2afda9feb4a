import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { checkEndpoint } from '../../shared/api';
import {
  defaultProfile,
  newProfileSchema,
  profilePatchSchema,
  sameProfileName,
} from '../../shared/settings';
import type { Profile, Settings } from '../../shared/settings';
import { describeZodError } from '../../shared/zod-issue';
import { SettingsError } from './settings-error';

// Pure changes to a Settings value: each returns the new settings (the input is not touched) or
// throws a SettingsError that says, in plain words, why the change was refused.

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new SettingsError(describeZodError(result.error, 'The settings are not valid.'));
  return result.data;
}

/** The profile with exactly this id, or a plain-words error naming what was asked for. */
export function requireProfile(settings: Settings, id: string): Profile {
  const profile = settings.profiles.find((candidate) => candidate.id === id);
  if (profile === undefined) throw new SettingsError(`There is no profile "${id}".`);
  return profile;
}

function assertNameFree(settings: Settings, name: string, exceptId?: string): void {
  const clash = settings.profiles.find(
    (profile) => profile.id !== exceptId && sameProfileName(profile.name, name),
  );
  if (clash !== undefined) {
    throw new SettingsError(`A profile named "${clash.name}" already exists: choose another name.`);
  }
}

// The endpoint as URL parsing normalizes it, so equal addresses are stored alike.
function normalizedEndpoint(endpoint: string): string {
  const check = checkEndpoint(endpoint);
  if (!check.ok) throw new SettingsError(check.message);
  return check.url;
}

/**
 * A new id: a readable slug of the name plus a random suffix. Random so that an id is never
 * reused: the id is the keychain account, and a new profile must not inherit the key of a deleted
 * one whose keychain entry could not be removed.
 */
export function newProfileId(name: string, random: () => string = randomSuffix): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug === '' ? 'profile' : slug}-${random()}`;
}

function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

export function addProfile(
  settings: Settings,
  input: unknown,
): { settings: Settings; profile: Profile } {
  const fields = parseOrThrow(newProfileSchema, input);
  assertNameFree(settings, fields.name);
  let id = newProfileId(fields.name);
  while (settings.profiles.some((profile) => profile.id === id)) id = newProfileId(fields.name);
  const profile: Profile = {
    ...defaultProfile(id, fields.name),
    ...(fields.trackerKey === undefined ? {} : { trackerKey: fields.trackerKey }),
    ...(fields.endpoint === undefined ? {} : { endpoint: normalizedEndpoint(fields.endpoint) }),
    ...(fields.rateLimit === undefined ? {} : { rateLimit: fields.rateLimit }),
  };
  return { settings: { ...settings, profiles: [...settings.profiles, profile] }, profile };
}

export function patchProfile(
  settings: Settings,
  id: string,
  patch: unknown,
): { settings: Settings; profile: Profile } {
  const current = requireProfile(settings, id);
  const fields = parseOrThrow(profilePatchSchema, patch);
  if (fields.name !== undefined) assertNameFree(settings, fields.name, id);
  const profile: Profile = {
    ...current,
    ...(fields.name === undefined ? {} : { name: fields.name }),
    ...(fields.trackerKey === undefined ? {} : { trackerKey: fields.trackerKey }),
    ...(fields.endpoint === undefined ? {} : { endpoint: normalizedEndpoint(fields.endpoint) }),
    ...(fields.rateLimit === undefined ? {} : { rateLimit: fields.rateLimit }),
  };
  const profiles = settings.profiles.map((candidate) =>
    candidate.id === id ? profile : candidate,
  );
  return { settings: { ...settings, profiles }, profile };
}

/**
 * Removes a profile. The last one cannot go (something must send); when the active one goes, the
 * profile listed before it (or else the first) becomes active.
 */
export function removeProfile(
  settings: Settings,
  id: string,
): { settings: Settings; removed: Profile } {
  const removed = requireProfile(settings, id);
  if (settings.profiles.length === 1) {
    throw new SettingsError(
      `"${removed.name}" is the only profile and cannot be deleted: create another profile first.`,
    );
  }
  const index = settings.profiles.indexOf(removed);
  const profiles = settings.profiles.filter((profile) => profile.id !== id);
  let activeProfileId = settings.activeProfileId;
  if (activeProfileId === id) {
    const next = profiles[Math.max(0, index - 1)] ?? profiles[0];
    if (next === undefined) throw new SettingsError('There is no profile left to activate.');
    activeProfileId = next.id;
  }
  return { settings: { ...settings, profiles, activeProfileId }, removed };
}

export function activateProfile(settings: Settings, id: string): Settings {
  requireProfile(settings, id);
  return { ...settings, activeProfileId: id };
}
