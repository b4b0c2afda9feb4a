import { checkEndpoint } from '../../shared/api';
import { trackerKeyProblem } from '../../shared/settings';
import type { Profile } from '../../shared/settings';
import type { KeyState } from '../../shared/ipc-send';
import { KeychainError } from '../store/secrets';
import type { SecretStore } from '../store/secrets';
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

export interface ResolvedProfile {
  ok: true;
  profile: Profile;
  /** The endpoint, checked (https, or http to this computer). */
  endpoint: string;
}

// The header value rules fetch applies; checked here so that its error (which would quote the key)
// never happens.
const VALID_HEADER_VALUE = /^[\t\x20-\x7e]+$/;

/** The profile to send through: `profileId`'s, else the active one, with a usable endpoint. */
export async function resolveProfile(
  stores: SendStores,
  profileId: string | undefined,
): Promise<ResolvedProfile | NotSent> {
  let profile: Profile;
  try {
    profile =
      profileId === undefined
        ? await stores.settings.activeProfile()
        : await stores.settings.getProfile(profileId);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    const message =
      profileId === undefined
        ? error.message
        : `This request was sent with a profile that no longer exists. Duplicate it into the builder to send it with the active profile. (${error.message})`;
    return { ok: false, message, fix: 'settings' };
  }
  const endpoint = checkEndpoint(profile.endpoint);
  if (!endpoint.ok) {
    return { ok: false, message: `${endpoint.message} Change it in Settings.`, fix: 'settings' };
  }
  return { ok: true, profile, endpoint: endpoint.url };
}

/** The tracker key the request goes with: the request's own, else the profile's. */
export function resolveTrackerKey(
  profile: Profile,
  own: string | undefined,
): { ok: true; trackerKey: string } | NotSent {
  if (own !== undefined) return { ok: true, trackerKey: own };
  const problem = trackerKeyProblem(profile);
  if (problem !== null) return { ok: false, message: problem, fix: 'settings' };
  return { ok: true, trackerKey: profile.trackerKey };
}

function noKeyMessage(profile: Profile): string {
  return `No API key is set for the profile "${profile.name}": enter it in Settings (it is kept in this computer's keychain).`;
}

/** The profile's API key, for the request only; never returned across IPC. */
export async function resolveApiKey(
  stores: SendStores,
  profile: Profile,
): Promise<{ ok: true; key: string } | NotSent> {
  let key: string | null;
  try {
    key = await stores.secrets.getKeyForSending(profile.id);
  } catch (error) {
    if (error instanceof KeychainError)
      return { ok: false, message: error.message, fix: 'settings' };
    throw error;
  }
  if (key === null) return { ok: false, message: noKeyMessage(profile), fix: 'settings' };
  if (!VALID_HEADER_VALUE.test(key)) {
    return {
      ok: false,
      message: `The API key of the profile "${profile.name}" contains characters that cannot be sent. Enter it again in Settings.`,
      fix: 'settings',
    };
  }
  return { ok: true, key };
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
      : { state: 'missing', problem: noKeyMessage(profile) };
  } catch (error) {
    const message =
      error instanceof KeychainError ? error.message : 'The keychain could not be read.';
    return { state: 'unavailable', problem: message };
  }
}
