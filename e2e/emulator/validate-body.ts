import type { EmulatedEvent } from './types';

/** A request body that follows the documented shape, or the first problem found in it. */
export type BodyCheck =
  { ok: true; trackerKey: string; events: EmulatedEvent[] } | { ok: false; message: string };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Checks a parsed body against the field tables of the Track API doc. Unknown extra fields are
 * ignored (the doc is silent on them; the app's own schema is strict, so it never sends any).
 * Attribute values inside `data.customer` / `data.contact` may be any JSON value.
 */
export function checkTrackBody(body: unknown, maxEvents: number): BodyCheck {
  if (!isObject(body)) return { ok: false, message: 'The body must be a JSON object' };
  if (!isNonEmptyString(body.trackerKey)) {
    return { ok: false, message: 'trackerKey must be a non-empty string' };
  }
  const events = body.events;
  if (!Array.isArray(events)) return { ok: false, message: 'events must be an array' };
  if (events.length === 0) return { ok: false, message: 'events must contain at least 1 event' };
  if (events.length > maxEvents) {
    return {
      ok: false,
      message: `events must contain at most ${maxEvents} events (got ${events.length})`,
    };
  }
  for (const [index, event] of events.entries()) {
    const problem = checkEvent(event, `events[${index}]`);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, trackerKey: body.trackerKey, events: events as EmulatedEvent[] };
}

function checkEvent(event: unknown, at: string): string | null {
  if (!isObject(event)) return `${at} must be an object`;
  if (!isNonEmptyString(event.name)) return `${at}.name must be a non-empty string`;
  if (typeof event.timestamp !== 'number' || !Number.isFinite(event.timestamp)) {
    return `${at}.timestamp must be a number`;
  }
  if (!Number.isInteger(event.timestamp)) {
    return `${at}.timestamp must be a whole number of milliseconds`;
  }
  const identification = event.identification;
  if (!isObject(identification)) return `${at}.identification must be an object`;
  if (!isNonEmptyString(identification.customer)) {
    return `${at}.identification.customer must be a non-empty string`;
  }
  if ('contact' in identification && typeof identification.contact !== 'string') {
    return `${at}.identification.contact must be a string`;
  }
  if (!('data' in event)) return null;
  const data = event.data;
  if (!isObject(data)) return `${at}.data must be an object`;
  for (const level of ['customer', 'contact'] as const) {
    if (level in data && !isObject(data[level])) return `${at}.data.${level} must be an object`;
  }
  return null;
}
