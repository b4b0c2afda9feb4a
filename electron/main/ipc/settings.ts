import type { ProfileChange, SettingsView } from '../../../shared/ipc-settings';
import type { SecretStore } from '../../store/secrets';
import type { SettingsStore } from '../../store/settings';
import { isUserError } from '../../../shared/user-error';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

/** What the settings handlers work on: the profiles, and the keychain (a deleted profile's key goes). */
export interface SettingsIpcServices {
  settings: SettingsStore;
  secrets: SecretStore;
}

export type SettingsChannel =
  | 'settings:load'
  | 'profiles:create'
  | 'profiles:update'
  | 'profiles:rename'
  | 'profiles:delete'
  | 'profiles:activate';

async function view(settings: SettingsStore): Promise<SettingsView> {
  const loaded = await settings.load();
  return {
    profiles: loaded.settings.profiles,
    activeProfileId: loaded.settings.activeProfileId,
    ...(loaded.problem === undefined ? {} : { problem: loaded.problem }),
  };
}

/**
 * Every change answers the settings as they are afterwards, so the screen never shows a stale
 * list; a refusal (duplicate name, unknown profile, the last profile) is the store's
 * `SettingsError`, which the page receives in its words.
 */
async function changed(
  settings: SettingsStore,
  change: () => Promise<{ profileId: string; keyProblem?: string }>,
): Promise<ProfileChange> {
  const { profileId, keyProblem } = await change();
  return {
    settings: await view(settings),
    profileId,
    ...(keyProblem === undefined ? {} : { keyProblem }),
  };
}

// The key is removed here rather than through the store's `forgetKey`, so that a test or the
// browser host replacing `secrets` (a memory keyring) is also the store that forgets.
async function forgetKey(
  secrets: SecretStore,
  profile: { id: string; name: string },
): Promise<string | undefined> {
  try {
    await secrets.delete(profile.id);
    return undefined;
  } catch (error) {
    const reason = isUserError(error) ? error.message : 'the keychain did not answer.';
    return `The profile "${profile.name}" was deleted, but its API key could not be removed from the keychain: ${reason}`;
  }
}

/** The `settings:load` and `profiles:*` handlers. */
export function settingsHandlers(services: SettingsIpcServices): IpcHandlers<SettingsChannel> {
  const { settings, secrets } = services;
  return {
    'settings:load': () => view(settings),
    'profiles:create': (input) =>
      changed(settings, async () => ({ profileId: (await settings.createProfile(input)).id })),
    'profiles:update': ({ id, patch }) =>
      changed(settings, async () => ({ profileId: (await settings.updateProfile(id, patch)).id })),
    'profiles:rename': ({ id, name }) =>
      changed(settings, async () => ({ profileId: (await settings.renameProfile(id, name)).id })),
    'profiles:delete': ({ id }) =>
      changed(settings, async () => {
        const { deleted } = await settings.deleteProfile(id);
        const keyProblem = await forgetKey(secrets, deleted);
        return { profileId: deleted.id, ...(keyProblem === undefined ? {} : { keyProblem }) };
      }),
    'profiles:activate': ({ id }) =>
      changed(settings, async () => ({ profileId: (await settings.setActiveProfile(id)).id })),
  };
}

/** Registers the `settings:*` and `profiles:*` channels. */
export function registerSettingsHandlers(
  ipc: IpcMainLike,
  services: SettingsIpcServices,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, settingsHandlers(services), options);
}
