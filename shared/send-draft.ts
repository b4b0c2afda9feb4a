import { z } from 'zod';
import { MAX_EVENTS_PER_REQUEST, trackEventSchema } from './api';
import { trackerKeySchema } from './settings';

// What the "Send event" screen builds: a Track API request before its placeholders are filled in.
// The main process expands the placeholders at the moment of sending and checks the result against
// the API's own schemas (shared/api.ts) before anything leaves.

/** Becomes the Unix milliseconds of the moment of sending (a number in `timestamp`, digits in text). */
export const NOW_PLACEHOLDER = '{{now}}';
/** Becomes a new random UUID, a fresh one for every occurrence. */
export const UUID_PLACEHOLDER = '{{uuid}}';

/** An event of the builder: as the API documents it, except that `timestamp` may be `{{now}}`. */
export const draftEventSchema = trackEventSchema.extend({
  timestamp: z.union([z.int(), z.literal(NOW_PLACEHOLDER)], {
    error: `The timestamp must be Unix milliseconds (a whole number) or ${NOW_PLACEHOLDER}.`,
  }),
});
export type DraftEvent = z.infer<typeof draftEventSchema>;

/**
 * A request as built on the screen: its events and, optionally, a tracker key that replaces the
 * profile's. The API key is never part of it: the main process adds the profile's.
 */
export const draftRequestSchema = z.strictObject({
  trackerKey: trackerKeySchema.optional(),
  events: z
    .array(draftEventSchema, { error: 'The request needs an "events" list.' })
    .min(1, 'A request needs at least one event.')
    .max(MAX_EVENTS_PER_REQUEST, `A request can carry at most ${MAX_EVENTS_PER_REQUEST} events.`),
});
export type DraftRequest = z.infer<typeof draftRequestSchema>;

/** Where placeholder values come from; the main process passes the clock and `randomUUID`. */
export interface PlaceholderValues {
  /** Unix milliseconds of the moment of sending. */
  now: number;
  uuid: () => string;
}

const PLACEHOLDER = /\{\{(now|uuid)\}\}/g;

/** `text` with every `{{now}}` and `{{uuid}}` replaced; each `{{uuid}}` gets a UUID of its own. */
export function expandText(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (_match, name: string) =>
    name === 'now' ? String(values.now) : values.uuid(),
  );
}

/** Whether `text` holds a placeholder (the UI says when a value will change at sending). */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

type Attributes = Record<string, string | number | boolean>;

function expandAttributes(
  attributes: Attributes | undefined,
  values: PlaceholderValues,
): Attributes | undefined {
  if (attributes === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      typeof value === 'string' ? expandText(value, values) : value,
    ]),
  );
}

/** The event to send: `{{now}}` as timestamp is the moment of sending; text fields are expanded. */
export function expandEvent(event: DraftEvent, values: PlaceholderValues) {
  const { identification, data } = event;
  return {
    name: expandText(event.name, values),
    timestamp: event.timestamp === NOW_PLACEHOLDER ? values.now : event.timestamp,
    identification: {
      customer: expandText(identification.customer, values),
      ...(identification.contact === undefined
        ? {}
        : { contact: expandText(identification.contact, values) }),
    },
    ...(data === undefined
      ? {}
      : {
          data: {
            ...(data.customer === undefined
              ? {}
              : { customer: expandAttributes(data.customer, values) }),
            ...(data.contact === undefined
              ? {}
              : { contact: expandAttributes(data.contact, values) }),
          },
        }),
  };
}

/**
 * The request body to send for `draft` with `trackerKey` (the draft's own, else the profile's):
 * every placeholder filled in. Check the result with `trackRequestSchema` before sending.
 */
export function expandDraft(draft: DraftRequest, trackerKey: string, values: PlaceholderValues) {
  return {
    trackerKey: draft.trackerKey ?? trackerKey,
    events: draft.events.map((event) => expandEvent(event, values)),
  };
}
