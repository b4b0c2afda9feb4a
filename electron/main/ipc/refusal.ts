import type { Refused } from '../../../shared/ipc-settings';
import { InvalidKeyError, KeychainError } from '../../store/secrets';
import { SettingsError } from '../../store/settings';

/**
 * The message of an error written for the user (a refused settings change, a key that is not a
 * key, a keychain that cannot be used), or `undefined` for anything else: those are bugs, which
 * the registrar logs and answers with its generic "something went wrong".
 */
export function plainMessage(error: unknown): string | undefined {
  const written =
    error instanceof SettingsError ||
    error instanceof KeychainError ||
    error instanceof InvalidKeyError;
  return written ? error.message : undefined;
}

/** A user-facing error as a `refused` answer; any other error is thrown on. */
export function refusal(error: unknown): Refused {
  const message = plainMessage(error);
  if (message === undefined) throw error;
  return { outcome: 'refused', message };
}
