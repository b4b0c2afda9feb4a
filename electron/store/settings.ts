import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { findProfile, updatePreferencesOf } from '../../shared/settings';
import type {
  NewProfile,
  Profile,
  ProfilePatch,
  Settings,
  UpdatePreferences,
} from '../../shared/settings';
import { createSerialQueue } from './serial-queue';
import { SettingsError } from './settings-error';
import { readSettingsFile, SETTINGS_FILE_NAME, writeSettingsFile } from './settings-file';
import type { LoadedSettings, SettingsFileContent, SettingsFs } from './settings-file';
import {
  activateProfile,
  addProfile,
  patchProfile,
  removeProfile,
  requireProfile,
} from './settings-profiles';

export { SettingsError } from './settings-error';
export type { LoadedSettings, SettingsFs } from './settings-file';

export interface SettingsStoreOptions {
  /** The data directory, see `resolveDataDir` in `./paths`. */
  dataDir: string;
  fs?: SettingsFs;
  /** Time stamp of a damaged file's backup name. */
  now?: () => Date;
  /**
   * Removes a deleted profile's API key from the keychain (e.g. `secrets.delete`). Called after
   * the profile is gone from the settings; if it fails, the deletion stands and the failure is
   * returned as `keyProblem`, because a keychain that is locked or missing must not keep a user
   * from deleting a profile.
   */
  forgetKey?: (profileId: string) => Promise<unknown>;
  /**
   * Told, in the words of `LoadedSettings.problem`, as soon as a damaged file is put aside, by
   * whatever call read it: the CLI prints it on any command that reads the settings. Without it,
   * the next `load()` reports it (the app's Settings screen).
   */
  onProblem?: (problem: string) => void;
}

export interface DeletedProfile {
  deleted: Profile;
  /** The active profile afterwards (another one if the deleted profile was active). */
  active: Profile;
  /** Set when the profile's API key could not be removed from the keychain. */
  keyProblem?: string;
}

export interface SettingsStore {
  readonly filePath: string;
  /** The current settings, with a `problem` if a damaged file was put aside (reported once). */
  load(): Promise<LoadedSettings>;
  listProfiles(): Promise<Profile[]>;
  /** By id, or else by name (trimmed, case-insensitive). Throws if there is none. */
  getProfile(idOrName: string): Promise<Profile>;
  createProfile(input: NewProfile): Promise<Profile>;
  updateProfile(id: string, patch: ProfilePatch): Promise<Profile>;
  renameProfile(id: string, name: string): Promise<Profile>;
  deleteProfile(id: string): Promise<DeletedProfile>;
  setActiveProfile(id: string): Promise<Profile>;
  activeProfile(): Promise<Profile>;
  /** "Check for updates automatically": on unless the file says otherwise. */
  updatePreferences(): Promise<UpdatePreferences>;
  setUpdatePreferences(preferences: UpdatePreferences): Promise<UpdatePreferences>;
}

/**
 * Profiles and the active profile, kept in `settings.json` in the data directory. Every call reads
 * the file afresh, so the app and the command line running side by side see each other's changes;
 * changes from this process are queued one after another so none overwrites another. The API key
 * is never here (see `./secrets`).
 */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const fs = options.fs ?? fsPromises;
  const now = options.now ?? (() => new Date());
  const filePath = path.join(options.dataDir, SETTINGS_FILE_NAME);
  let unreportedProblem: string | undefined;
  const serialized = createSerialQueue();

  async function readContent(): Promise<SettingsFileContent> {
    const content = await readSettingsFile(filePath, fs, now);
    if (content.problem !== undefined) {
      if (options.onProblem) options.onProblem(content.problem);
      else unreportedProblem = content.problem;
    }
    return content;
  }

  const read = async (): Promise<Settings> => (await readContent()).settings;

  function change<T>(apply: (settings: Settings) => { settings: Settings; result: T }): Promise<T> {
    return serialized(async () => {
      const content = await readContent();
      const { settings, result } = apply(content.settings);
      await writeSettingsFile(filePath, settings, fs, content.unknownFields);
      return result;
    });
  }

  return {
    filePath,

    load: () =>
      serialized(async () => {
        const settings = await read();
        const problem = unreportedProblem;
        unreportedProblem = undefined;
        return problem === undefined ? { settings } : { settings, problem };
      }),

    listProfiles: () => serialized(async () => (await read()).profiles),

    getProfile: (idOrName) =>
      serialized(async () => {
        const profile = findProfile(await read(), idOrName);
        if (profile === undefined) throw new SettingsError(`There is no profile "${idOrName}".`);
        return profile;
      }),

    createProfile: (input) =>
      change((settings) => {
        const added = addProfile(settings, input);
        return { settings: added.settings, result: added.profile };
      }),

    updateProfile: (id, patch) =>
      change((settings) => {
        const patched = patchProfile(settings, id, patch);
        return { settings: patched.settings, result: patched.profile };
      }),

    renameProfile: (id, name) =>
      change((settings) => {
        const patched = patchProfile(settings, id, { name });
        return { settings: patched.settings, result: patched.profile };
      }),

    async deleteProfile(id) {
      const { deleted, active } = await change((settings) => {
        const next = removeProfile(settings, id);
        const result = {
          deleted: next.removed,
          active: requireProfile(next.settings, next.settings.activeProfileId),
        };
        return { settings: next.settings, result };
      });
      if (options.forgetKey === undefined) return { deleted, active };
      try {
        await options.forgetKey(deleted.id);
        return { deleted, active };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          deleted,
          active,
          keyProblem: `The profile "${deleted.name}" was deleted, but its API key could not be removed from the keychain: ${reason}`,
        };
      }
    },

    setActiveProfile: (id) =>
      change((settings) => {
        const next = activateProfile(settings, id);
        return { settings: next, result: requireProfile(next, id) };
      }),

    activeProfile: () =>
      serialized(async () => {
        const settings = await read();
        return requireProfile(settings, settings.activeProfileId);
      }),

    updatePreferences: () => serialized(async () => updatePreferencesOf(await read())),

    setUpdatePreferences: (preferences) =>
      change((settings) => ({
        settings: { ...settings, updates: { ...preferences } },
        result: { ...preferences },
      })),
  };
}
