import type * as napiKeyring from '@napi-rs/keyring';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { KeychainError, KeychainUnavailableError, KEYCHAIN_SERVICE } from './secrets';
import type { Keyring } from './secrets';

export interface OsKeyringOptions {
  /** The entries' service name; tests use their own so they never touch the app's entries. */
  service?: string;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  /**
   * Whether a safe keychain answers. Defaults to {@link probeSecretService} on Linux and to
   * "yes" elsewhere (the macOS Keychain and the Windows Credential Manager are always there).
   */
  probe?: () => Promise<boolean>;
}

type KeyringModule = typeof napiKeyring;

// Loaded on first use, so a missing native binary (a packaging mistake, docs/security.md item 14)
// becomes a keychain error on the settings screen rather than an app that does not start.
let modulePromise: Promise<KeyringModule> | undefined;
function loadKeyringModule(): Promise<KeyringModule> {
  modulePromise ??= import('@napi-rs/keyring').catch((error: unknown) => {
    modulePromise = undefined;
    throw new KeychainError(
      `The keychain module of this app could not be loaded, so API keys cannot be stored: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return modulePromise;
}

// Pinning the Secret Service makes the library throw when it is missing instead of silently
// falling back to the kernel keyring (keyutils). The option is ignored on other platforms.
const LINUX_SECRET_SERVICE: EntryOptions = { linux: { store: 'secret-service' } };

// The library's wording for "could not reach or open the store" (keyring-rs PlatformFailure and
// NoStorageAccess). On Linux with the store pinned, these mean the Secret Service is missing,
// locked or refused: the case the unavailable message is written for.
const STORE_FAILURE = /^(Platform failure|Couldn't access platform storage)/;

/** An account that is never written: reading it answers only "is the Secret Service there?". */
const PROBE_ACCOUNT = '__customerscore-probe__';

/**
 * Whether the D-Bus Secret Service answers: a session bus address is set, and a read through the
 * library (pinned to the Secret Service, so it cannot fall back) succeeds. The read looks up an
 * account that does not exist, which never needs an unlocked keyring and so never prompts. Uses
 * the library only: no command-line tools at run time.
 */
export async function probeSecretService(
  service: string,
  env: Record<string, string | undefined>,
): Promise<boolean> {
  if (!env['DBUS_SESSION_BUS_ADDRESS']?.trim()) return false;
  const keyring = await loadKeyringModule();
  try {
    await new keyring.AsyncEntry(service, PROBE_ACCOUNT, LINUX_SECRET_SERVICE).getPassword();
    return true;
  } catch {
    return false;
  }
}

/** The OS keychain through `@napi-rs/keyring`: service {@link KEYCHAIN_SERVICE}, account = profile id. */
export function createOsKeyring(options: OsKeyringOptions = {}): Keyring {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const isLinux = platform === 'linux';
  const probe =
    options.probe ?? (isLinux ? () => probeSecretService(service, env) : async () => true);

  async function withEntry<T>(
    account: string,
    operation: (entry: AsyncEntry) => Promise<T>,
  ): Promise<T> {
    const keyring = await loadKeyringModule();
    try {
      // Inside the try: with the store pinned, the constructor already connects to D-Bus.
      return await operation(new keyring.AsyncEntry(service, account, LINUX_SECRET_SERVICE));
    } catch (error) {
      if (isLinux && error instanceof Error && STORE_FAILURE.test(error.message)) {
        throw new KeychainUnavailableError({ cause: error });
      }
      throw error;
    }
  }

  return {
    isAvailable: probe,
    get: (account) => withEntry(account, (entry) => entry.getPassword()),
    set: (account, secret) => withEntry(account, (entry) => entry.setPassword(secret)),
    delete: (account) => withEntry(account, (entry) => entry.deleteCredential()),
  };
}
