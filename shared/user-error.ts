import { z } from 'zod';

// The one way the app says "this cannot be done, and here is why" to a person. Every error whose
// message is written for the user is a `UserError` (or extends it); anything else is a bug, which
// goes to the log while the user reads a generic sentence. `isUserError` is the only test of it.

/**
 * What the user can do about a refusal, for the page to branch on:
 * - `invalid_input`: what was typed or built must change (an API key that is not one, a request
 *   that is not valid once its placeholders are filled in);
 * - `settings`: something in Settings must change first (no API key or tracker key, a duplicate
 *   profile name, a profile that no longer exists);
 * - `keychain`: the OS keychain cannot be used;
 * - `gone`: the file, or the import, is no longer open or running in the app;
 * - `unreadable`: the file cannot be read as a table (missing, locked, not text, bad encoding);
 * - `conflict`: another program is doing it right now (an import being sent by another process);
 * - `destination_changed`: an import would be resumed to another tracker key or endpoint than it
 *   was started for (its record, or the profile, changed since): nothing was sent, the message
 *   names both;
 * - `refused`: any other reason, in the message's own words (a limit reached, nothing to send, an
 *   import that cannot be resumed as it is).
 */
export const userErrorCodeSchema = z.enum([
  'invalid_input',
  'settings',
  'keychain',
  'gone',
  'unreadable',
  'conflict',
  'destination_changed',
  'refused',
]);
export type UserErrorCode = z.infer<typeof userErrorCodeSchema>;

/** An error written for the user: a code to branch on and a plain sentence to show as it is. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly code: UserErrorCode;

  constructor(code: UserErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `error` was written for the user; every caller that must tell a refusal from a bug asks this. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
