import { UserError } from '../../shared/user-error';

// The API keys, one per profile, in the OS keychain. The renderer may set, delete and ask for a
// status ("set, ends in 1234"); only the main process and the CLI read a key, to send requests.

/** The keychain entries' service name; the account is the profile id. */
export const KEYCHAIN_SERVICE = 'Customerscore Importer';

/** The shortest key whose last 4 characters are shown; shorter keys show nothing of themselves. */
export const MIN_KEY_LENGTH_FOR_HINT = 8;

const MAX_KEY_LENGTH = 4096;

/** The few keychain operations the store needs; `./secrets-keyring` binds the OS keychain. */
export interface Keyring {
  /**
   * Whether a safe store answers. On Linux, false when no Secret Service is reachable: the
   * library would otherwise fall back to the kernel keyring, which does not survive a reboot and
   * is not what the user was promised.
   */
  isAvailable(): Promise<boolean>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True if there was an entry to delete. */
  delete(account: string): Promise<boolean>;
}

/** What may be said about a key outside the main process: whether it is set, and its last 4. */
export type SecretStatus = { set: false } | { set: true; last4: string };

/** The keychain refused or failed; the message is in plain words and never contains the key. */
export class KeychainError extends UserError {
  override readonly name: string = 'KeychainError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('keychain', message, options);
  }
}

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'No keychain is available on this computer, so the API key cannot be stored safely. On Linux, install and unlock a Secret Service such as GNOME Keyring, or use the CUSTOMERSCORE_KEY environment variable for the command line.';

/** No OS keychain answers (Linux without a reachable, unlocked Secret Service). */
export class KeychainUnavailableError extends KeychainError {
  override readonly name = 'KeychainUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super(KEYCHAIN_UNAVAILABLE_MESSAGE, options);
  }
}

/** A key that was refused before it reached the keychain (empty, spaces, far too long). */
export class InvalidKeyError extends UserError {
  override readonly name = 'InvalidKeyError';

  constructor(message: string) {
    super('invalid_input', message);
  }
}

export interface SecretStore {
  /** Stores the profile's key, replacing any previous one. Returns the new status. */
  set(profileId: string, key: string): Promise<SecretStatus>;
  /** Removes the profile's key. True if there was one. */
  delete(profileId: string): Promise<boolean>;
  status(profileId: string): Promise<SecretStatus>;
  /**
   * The key itself, for the request that sends events. Main process and CLI only: no IPC handler
   * may call this (docs/security.md item 1). `null` when none is set.
   */
  getKeyForSending(profileId: string): Promise<string | null>;
}

export interface SecretStoreOptions {
  /** Told every key the store sees, so the logger can mask it (`logger.registerSecret`). */
  registerSecret?: (key: string) => void;
}

/** The status for a key: its last 4 characters, or none of them when the key is short. */
export function statusOf(key: string | null): SecretStatus {
  if (key === null) return { set: false };
  // Showing 4 of a 5-character key would show most of it.
  return { set: true, last4: key.length >= MIN_KEY_LENGTH_FOR_HINT ? key.slice(-4) : '' };
}

/** The key as it will be stored: trimmed (pasting often brings a line break), or refused. */
export function normalizeKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed === '') throw new InvalidKeyError('The API key is empty: paste the key to store.');
  if (/[\s\p{Cc}]/u.test(trimmed)) {
    throw new InvalidKeyError(
      'The API key contains spaces or line breaks: paste only the key itself.',
    );
  }
  if (trimmed.length > MAX_KEY_LENGTH) {
    throw new InvalidKeyError('This is too long to be an API key: paste only the key itself.');
  }
  return trimmed;
}

// The library's messages do not carry the secret, but a message that did must not reach a log.
function wrap(error: unknown, key?: string): KeychainError {
  if (error instanceof KeychainError) return error;
  let detail = error instanceof Error ? error.message : String(error);
  if (key !== undefined) detail = detail.split(key).join('[redacted]');
  return new KeychainError(`The keychain could not be used: ${detail}`);
}

/** The API-key store over a {@link Keyring}; refuses every operation when no keychain answers. */
export function createSecretStore(keyring: Keyring, options: SecretStoreOptions = {}): SecretStore {
  const seen = (key: string | null): string | null => {
    if (key !== null) options.registerSecret?.(key);
    return key;
  };

  async function guarded<T>(operation: () => Promise<T>, key?: string): Promise<T> {
    let available: boolean;
    try {
      available = await keyring.isAvailable();
    } catch (error) {
      throw new KeychainUnavailableError({ cause: error });
    }
    if (!available) throw new KeychainUnavailableError();
    try {
      return await operation();
    } catch (error) {
      throw wrap(error, key);
    }
  }

  return {
    async set(profileId, key) {
      const normalized = normalizeKey(key);
      seen(normalized);
      await guarded(() => keyring.set(profileId, normalized), normalized);
      return statusOf(normalized);
    },
    delete: (profileId) => guarded(() => keyring.delete(profileId)),
    status: (profileId) => guarded(async () => statusOf(seen(await keyring.get(profileId)))),
    getKeyForSending: (profileId) => guarded(async () => seen(await keyring.get(profileId))),
  };
}
