import { checkEndpoint } from '../../shared/api';
import { trackerKeyProblem } from '../../shared/settings';
import type { Profile, RateLimit } from '../../shared/settings';
import { KeychainError } from './secrets';
import type { SecretStore } from './secrets';

// From a profile to where events go and with which keys, the same for the Send event screen, an
// import in the app and the command line: the profile's endpoint (checked), tracker key and rate,
// and its API key from the keychain. Which profile to use is the caller's choice (a history
// entry's, a resumed job's, `--profile`), and so is the wording of a problem where the caller
// has its own way to fix it (the CLI's flags).

/** Where events go and with which keys (main process only). */
export interface SendTarget {
  profileId: string;
  profileName: string;
  trackerKey: string;
  endpoint: string;
  rate: { requests: number; perMs: number };
  /** Never leaves the main process: not in IPC answers, journals, logs or reports. */
  apiKey: string;
}

/** Where a profile sends, without its API key: enough to build a request or a dry run. */
export type SendDestination = Omit<SendTarget, 'apiKey'>;

/** Values the caller gives instead of the profile's: a request's own tracker key, CLI flags. */
export interface TargetOverrides {
  trackerKey?: string;
  endpoint?: string;
  rate?: { requests: number; perMs: number };
  /** The CLI's `CUSTOMERSCORE_KEY`; otherwise the key comes from the keychain. */
  apiKey?: string;
}

/** Why the profile cannot send, in plain words for the app's screens (they point to Settings). */
export interface TargetProblem {
  ok: false;
  /** `api_key`: none is set; `unsendable_key`: it has characters a request header cannot carry. */
  code: 'endpoint' | 'tracker_key' | 'api_key' | 'unsendable_key' | 'keychain';
  message: string;
}

// The header value rules fetch applies; checked here so that its error (which would quote the key)
// never happens.
const VALID_HEADER_VALUE = /^[\t\x20-\x7e]+$/;

function problem(code: TargetProblem['code'], message: string): TargetProblem {
  return { ok: false, code, message };
}

export function noApiKeyMessage(profile: Profile): string {
  return `No API key is set for the profile "${profile.name}": enter it in Settings (it is kept in this computer's keychain).`;
}

/** A profile's rate as the sender paces it: requests per `perMs` milliseconds. */
export function pacedRate(rate: RateLimit): { requests: number; perMs: number } {
  return { requests: rate.requests, perMs: rate.perSeconds * 1000 };
}

/** The profile's endpoint (https, or http to this computer), tracker key and rate. */
export function sendDestination(
  profile: Profile,
  overrides: TargetOverrides = {},
): { ok: true; destination: SendDestination } | TargetProblem {
  const endpoint = checkEndpoint(overrides.endpoint ?? profile.endpoint);
  if (!endpoint.ok) {
    // Only the profile's own endpoint is fixed in Settings.
    const where = overrides.endpoint === undefined ? ' Change it in Settings.' : '';
    return problem('endpoint', `${endpoint.message}${where}`);
  }
  const trackerKey = overrides.trackerKey ?? profile.trackerKey;
  if (trackerKey === '') {
    return problem('tracker_key', trackerKeyProblem(profile) ?? 'No tracker key is set.');
  }
  const rate = overrides.rate ?? pacedRate(profile.rateLimit);
  return {
    ok: true,
    destination: {
      profileId: profile.id,
      profileName: profile.name,
      trackerKey,
      endpoint: endpoint.url,
      rate,
    },
  };
}

/** The API key to send with: the caller's, else the profile's from the keychain. Never shown. */
export async function sendingKey(
  secrets: Pick<SecretStore, 'getKeyForSending'>,
  profile: Profile,
  own?: string,
): Promise<{ ok: true; key: string } | TargetProblem> {
  let key: string | null = own ?? null;
  if (key === null) {
    try {
      key = await secrets.getKeyForSending(profile.id);
    } catch (error) {
      if (error instanceof KeychainError) return problem('keychain', error.message);
      throw error;
    }
  }
  if (key === null) return problem('api_key', noApiKeyMessage(profile));
  if (!VALID_HEADER_VALUE.test(key)) {
    return problem(
      'unsendable_key',
      `The API key of the profile "${profile.name}" contains characters that cannot be sent. Enter it again in Settings.`,
    );
  }
  return { ok: true, key };
}

/** Everything a profile decides about sending, or the first reason it cannot send. */
export async function resolveSendTarget(
  secrets: Pick<SecretStore, 'getKeyForSending'>,
  profile: Profile,
  overrides: TargetOverrides = {},
): Promise<{ ok: true; target: SendTarget } | TargetProblem> {
  const where = sendDestination(profile, overrides);
  if (!where.ok) return where;
  const key = await sendingKey(secrets, profile, overrides.apiKey);
  if (!key.ok) return key;
  return { ok: true, target: { ...where.destination, apiKey: key.key } };
}
