import type { z } from 'zod';

/**
 * The first problem zod found, as the clause every part of the app shows: its message as written
 * in the schema, then where it is when that is not the whole value, e.g. "The profile name is
 * empty. (at name)". `fallback` when zod gave no issue at all.
 */
export function describeZodError(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  if (issue === undefined) return fallback;
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${issue.message} (at ${where})`;
}
