import { profileSchema, settingsSchema } from '../../shared/settings';
import type { Settings } from '../../shared/settings';

type Fields = Record<string, unknown>;

/**
 * What a settings file holds that this version does not know: at the top and in each profile (by
 * its id). A newer version may have written them; they are kept and written back unchanged, so
 * going back to an older version for a day does not lose them. The checked settings never carry
 * them: the app and the CLI work only with fields they know.
 */
export interface UnknownSettingsFields {
  file: Fields;
  profiles: ReadonlyMap<string, Fields>;
}

export const NO_UNKNOWN_FIELDS: UnknownSettingsFields = { file: {}, profiles: new Map() };

const FILE_KEYS = new Set(Object.keys(settingsSchema.shape));
const PROFILE_KEYS = new Set(Object.keys(profileSchema.shape));

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function split(value: Fields, known: ReadonlySet<string>): { known: Fields; unknown: Fields } {
  const entries = Object.entries(value);
  return {
    known: Object.fromEntries(entries.filter(([key]) => known.has(key))),
    unknown: Object.fromEntries(entries.filter(([key]) => !known.has(key))),
  };
}

/** Splits a settings file's JSON into what the schema checks and the fields it does not know. */
export function separateUnknownFields(json: unknown): {
  known: unknown;
  unknown: UnknownSettingsFields;
} {
  if (!isRecord(json)) return { known: json, unknown: NO_UNKNOWN_FIELDS };
  const file = split(json, FILE_KEYS);
  const profiles = new Map<string, Fields>();
  const listed = file.known['profiles'];
  if (Array.isArray(listed)) {
    file.known['profiles'] = listed.map((profile: unknown) => {
      if (!isRecord(profile)) return profile;
      const parts = split(profile, PROFILE_KEYS);
      const id = profile['id'];
      if (typeof id === 'string' && Object.keys(parts.unknown).length > 0) {
        profiles.set(id, parts.unknown);
      }
      return parts.known;
    });
  }
  return { known: file.known, unknown: { file: file.unknown, profiles } };
}

/** The settings with the unknown fields put back (those of a deleted profile go with it). */
export function withUnknownFields(settings: Settings, unknown: UnknownSettingsFields): Fields {
  return {
    ...settings,
    profiles: settings.profiles.map((profile) => ({
      ...profile,
      ...unknown.profiles.get(profile.id),
    })),
    ...unknown.file,
  };
}
