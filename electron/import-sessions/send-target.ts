import { isUserError } from '../../shared/user-error';
import type { SecretStore } from '../store/secrets';
import { resolveSendTarget, type SendTarget } from '../store/send-target';
import type { SettingsStore } from '../store/settings';

export type { SendTarget } from '../store/send-target';

export type SendTargetResult = { ok: true; target: SendTarget } | { ok: false; message: string };

/**
 * Resolves the profile an import sends with: the one given by id (a resumed job's own), else the
 * active one. Answers plain words when something is missing, never throws for a user's mistake.
 */
export type ImportTargetSource = (profileId?: string) => Promise<SendTargetResult>;

export interface TargetSourceOptions {
  settings: Pick<SettingsStore, 'activeProfile' | 'getProfile'>;
  /** Built on first use: opening the keychain waits until something is sent. */
  secrets: () => Pick<SecretStore, 'getKeyForSending'>;
}

/** The profile and keychain behind an import, from the app's own stores. */
export function createImportTargetSource(options: TargetSourceOptions): ImportTargetSource {
  return async (profileId) => {
    let profile;
    try {
      // A resumed import goes with its own profile or not at all: another profile's key must
      // never be sent to the address the import was started for.
      profile = profileId
        ? await options.settings.getProfile(profileId).catch(() => null)
        : await options.settings.activeProfile();
    } catch (error) {
      return { ok: false, message: messageOf(error, 'The settings could not be read.') };
    }
    if (profile === null) {
      return {
        ok: false,
        message:
          'The profile this import was started with no longer exists, so it cannot be resumed with its key. Start a new import of the file instead.',
      };
    }
    const resolved = await resolveSendTarget(options.secrets(), profile);
    return resolved.ok ? resolved : { ok: false, message: resolved.message };
  };
}

// Store errors are written for people (SettingsError, KeychainError); anything else is not shown.
function messageOf(error: unknown, fallback: string): string {
  return isUserError(error) ? error.message : fallback;
}
