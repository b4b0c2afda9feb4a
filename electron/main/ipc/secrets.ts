import type { KeyStatus } from '../../../shared/ipc-settings';
import { KeychainError } from '../../store/secrets';
import type { SecretStatus, SecretStore } from '../../store/secrets';
import { SettingsError } from '../../store/settings';
import type { SettingsStore } from '../../store/settings';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

/** What the key handlers work on: the keychain, and the profiles a key may belong to. */
export interface SecretsIpcServices {
  settings: SettingsStore;
  secrets: SecretStore;
}

export type SecretsChannel = 'secrets:status' | 'secrets:set' | 'secrets:delete';

function keyStatus(status: SecretStatus): KeyStatus {
  return status.set ? { state: 'set', last4: status.last4 } : { state: 'notSet' };
}

// A key is stored only for a profile that exists: a typo'd or stale id would otherwise leave an
// entry in the keychain that nothing ever deletes.
async function requireProfile(settings: SettingsStore, profileId: string): Promise<void> {
  const profiles = await settings.listProfiles();
  if (!profiles.some((profile) => profile.id === profileId)) {
    throw new SettingsError(
      'This profile no longer exists (it may have been deleted from the command line).',
    );
  }
}

/**
 * The `secrets:*` handlers: set, delete and status. None of them reads the key back: the store's
 * `getKeyForSending` is for the code that sends (docs/security.md item 1), and every answer carries
 * at most the key's last 4 characters.
 */
export function secretsHandlers(services: SecretsIpcServices): IpcHandlers<SecretsChannel> {
  const { settings, secrets } = services;
  return {
    'secrets:status': async ({ profileId }) => {
      try {
        return keyStatus(await secrets.status(profileId));
      } catch (error) {
        // The screen shows why next to the API key field and keeps working for everything else.
        if (error instanceof KeychainError) return { state: 'unavailable', message: error.message };
        throw error;
      }
    },
    // A key that is not one, a missing profile or a keychain that fails throw a `UserError`.
    'secrets:set': async ({ profileId, key }) => {
      await requireProfile(settings, profileId);
      return keyStatus(await secrets.set(profileId, key));
    },
    'secrets:delete': async ({ profileId }) => {
      await secrets.delete(profileId);
      return { state: 'notSet' };
    },
  };
}

/** Registers the `secrets:*` channels. */
export function registerSecretsHandlers(
  ipc: IpcMainLike,
  services: SecretsIpcServices,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, secretsHandlers(services), options);
}
