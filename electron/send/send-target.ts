import type { Profile } from '../../shared/settings';
import type { KeyState } from '../../shared/ipc-send';
import { KeychainError } from '../store/secrets';
import type { SecretStore } from '../store/secrets';
import { noApiKeyMessage, type TargetProblem } from '../store/send-target';
import { SettingsError } from '../store/settings';
import type { SettingsStore } from '../store/settings';

/** The stores the send service reads; the real ones fit, tests pass their own. */
export interface SendStores {
  settings: Pick<SettingsStore, 'activeProfile' | 'getProfile'>;
  secrets: Pick<SecretStore, 'status' | 'getKeyForSending'>;
}

/** Why nothing can be sent, in plain words, and where to fix it. */
export interface NotSent {
  ok: false;
  message: string;
  fix: 'settings' | 'request';
}

export interface ChosenProfile {
  ok: true;
  profile: Profile;
}

/** The profile to send through: `profileId`'s, else the active one. */
export async function chooseProfile(
  stores: SendStores,
  profileId: string | undefined,
): Promise<ChosenProfile | NotSent> {
  try {
    const profile =
      profileId === undefined
        ? await stores.settings.activeProfile()
        : await stores.settings.getProfile(profileId);
    return { ok: true, profile };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    const message =
      profileId === undefined
        ? error.message
        : `This request was sent with a profile that no longer exists. Duplicate it into the builder to send it with the active profile. (${error.message})`;
    return { ok: false, message, fix: 'settings' };
  }
}

/** A profile that cannot send is fixed in Settings. */
export function inSettings(problem: TargetProblem): NotSent {
  return { ok: false, message: problem.message, fix: 'settings' };
}

/** Whether the profile's key is set, without reading it out. */
export async function keyStateOf(
  stores: SendStores,
  profile: Profile,
): Promise<{
  state: KeyState;
  problem: string | null;
}> {
  try {
    const status = await stores.secrets.status(profile.id);
    return status.set
      ? { state: 'set', problem: null }
      : { state: 'missing', problem: noApiKeyMessage(profile) };
  } catch (error) {
    const message =
      error instanceof KeychainError ? error.message : 'The keychain could not be read.';
    return { state: 'unavailable', problem: message };
  }
}
