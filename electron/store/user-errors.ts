import { InvalidKeyError, KeychainError } from './secrets';
import { SettingsError } from './settings';

/**
 * The message of an error written for the user (a refused settings change, a key that is not a
 * key, a keychain that cannot be used), or `undefined` for anything else: those are bugs, which
 * callers log and answer with a generic "something went wrong".
 */
export function plainMessage(error: unknown): string | undefined {
  const written =
    error instanceof SettingsError ||
    error instanceof KeychainError ||
    error instanceof InvalidKeyError;
  return written ? error.message : undefined;
}
