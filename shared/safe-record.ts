import { z } from 'zod';

/** The one key a record of attributes cannot carry, with the words that say so. */
export const FORBIDDEN_ATTRIBUTE_NAME = '__proto__';
export const FORBIDDEN_ATTRIBUTE_MESSAGE = 'The attribute name "__proto__" is not allowed.';

/**
 * `schema` (a record of attributes) with "__proto__" refused before zod sees it: zod's record
 * quietly drops that key (assigning it to a plain object would change its prototype), and a
 * silently lost attribute is worse than a clear error.
 */
export function refusingProtoKey<T extends z.ZodType>(schema: T) {
  return z.preprocess((value, ctx) => {
    if (
      typeof value === 'object' &&
      value !== null &&
      Object.hasOwn(value, FORBIDDEN_ATTRIBUTE_NAME)
    ) {
      ctx.addIssue({ code: 'custom', input: value, message: FORBIDDEN_ATTRIBUTE_MESSAGE });
    }
    return value;
  }, schema);
}
