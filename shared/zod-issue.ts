import type { z } from 'zod';

/**
 * The first problem zod found, as a clause: its message as written in the schema and, when it is
 * not about the whole value, where it is: "The endpoint must start with https:// (at
 * profiles.1.endpoint)" for a person reading about their file or form; with `pathFirst`,
 * "profiles.1.endpoint: The endpoint must start with https://", the way a request that does not
 * fit its contract is reported. `fallback` when zod gave no issue at all.
 */
export function describeZodError(
  error: z.ZodError,
  fallback: string,
  options: { pathFirst?: boolean } = {},
): string {
  const issue = error.issues[0];
  if (issue === undefined) return fallback;
  const where = issue.path.map(String).join('.');
  if (where === '') return issue.message;
  return options.pathFirst === true
    ? `${where}: ${issue.message}`
    : `${issue.message} (at ${where})`;
}
