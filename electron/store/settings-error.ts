import type { z } from 'zod';

/** A settings change that was refused, with the reason in plain words (shown as it is). */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** The first problem zod found, in words a person can act on, e.g. "profiles.1.endpoint: ...". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'The settings are not valid.';
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${issue.message} (at ${where})`;
}
