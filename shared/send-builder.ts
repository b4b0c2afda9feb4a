import { z } from 'zod';
import { MAX_EVENTS_PER_REQUEST } from './api';
import { attributeTypeSchema } from './attribute-type';

// The "Send event" builder's content as the person typed it: every field is text, so a half-filled
// form (a template waiting for its customer ID) can be kept and loaded again. Turning it into a
// request is where it gets checked (renderer/src/screens/SendEvent/builder-convert.ts).

/** Generous bounds that keep a damaged or hostile file from flooding the screen. */
export const BUILDER_LIMITS = {
  attributesPerEditor: 500,
  keyLength: 1_000,
  valueLength: 1_000_000,
  templateNameLength: 80,
  templates: 500,
} as const;

/** One row of a key/value editor. `value` is `true`/`false` for booleans, the typed text otherwise. */
export const builderAttributeSchema = z.strictObject({
  key: z.string().max(BUILDER_LIMITS.keyLength),
  type: attributeTypeSchema,
  value: z.string().max(BUILDER_LIMITS.valueLength),
});
export type BuilderAttribute = z.infer<typeof builderAttributeSchema>;

/** One event of the builder. `timestamp` is Unix milliseconds as text, or `{{now}}`. */
export const builderEventSchema = z.strictObject({
  name: z.string().max(BUILDER_LIMITS.valueLength),
  timestamp: z.string().max(100),
  customer: z.string().max(BUILDER_LIMITS.valueLength),
  contact: z.string().max(BUILDER_LIMITS.valueLength),
  customerAttributes: z.array(builderAttributeSchema).max(BUILDER_LIMITS.attributesPerEditor),
  contactAttributes: z.array(builderAttributeSchema).max(BUILDER_LIMITS.attributesPerEditor),
});
export type BuilderEvent = z.infer<typeof builderEventSchema>;

/** Everything the builder holds. `trackerKey` is `''` to use the profile's. */
export const builderContentSchema = z.strictObject({
  trackerKey: z.string().max(200),
  events: z.array(builderEventSchema).min(1).max(MAX_EVENTS_PER_REQUEST),
});
export type BuilderContent = z.infer<typeof builderContentSchema>;

/** A template's name: trimmed, not empty; names are compared without regard to case. */
export const templateNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the template a name.')
  .max(
    BUILDER_LIMITS.templateNameLength,
    `The name is too long (at most ${BUILDER_LIMITS.templateNameLength} characters).`,
  );

/** Ids of templates are random hex, safe wherever they end up. */
export const templateIdSchema = z.string().regex(/^[0-9a-f]{16,32}$/, 'Not a template id.');

/** A saved builder content, loaded again by name. */
export const sendTemplateSchema = z.strictObject({
  id: templateIdSchema,
  name: templateNameSchema,
  /** Unix milliseconds of the last save. */
  savedAt: z.int(),
  content: builderContentSchema,
});
export type SendTemplate = z.infer<typeof sendTemplateSchema>;

/** Template names are the same if they match trimmed and without regard to case. */
export function sameTemplateName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}
