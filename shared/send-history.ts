import { z } from 'zod';
import { draftRequestSchema } from './send-draft';
import type { DraftRequest } from './send-draft';

// What one request sent from the "Send event" screen left behind: what was built, the exact body
// that went over the wire, and what came back (or why nothing did).

/** How many requests the history keeps; older ones are removed as new ones arrive. */
export const SEND_HISTORY_LIMIT = 1_000;

/** Response bodies beyond this many characters are kept and shown cut short. */
export const RESPONSE_BODY_LIMIT = 100_000;

/** History ids sort by time and are safe as file names: `<sentAt ms>-<random hex>`. */
export const historyIdSchema = z.string().regex(/^\d{13,16}-[0-9a-f]{8,32}$/, 'Not a history id.');

/** The server answered (any status). */
export const sentResponseSchema = z.strictObject({
  kind: z.literal('response'),
  status: z.int().min(100).max(999),
  /** The reason phrase the server sent (may be empty under HTTP/2). */
  statusText: z.string(),
  /** The raw `Retry-After` header, if any. */
  retryAfter: z.string().nullable(),
  /** When a 429's wait is over, in Unix ms (parsed from `Retry-After`), else null. */
  retryAt: z.int().nullable(),
  contentType: z.string().nullable(),
  body: z.string(),
  /** True when `body` was cut at {@link RESPONSE_BODY_LIMIT} characters. */
  bodyTruncated: z.boolean(),
});
export type SentResponse = z.infer<typeof sentResponseSchema>;

/** No answer: the connection failed or timed out. `message` says so in plain words. */
export const networkFailureSchema = z.strictObject({
  kind: z.literal('network_error'),
  message: z.string(),
});
export type NetworkFailure = z.infer<typeof networkFailureSchema>;

/** One request sent from the screen and its outcome. */
export const sendHistoryEntrySchema = z.strictObject({
  id: historyIdSchema,
  /** Unix milliseconds when the request left. */
  sentAt: z.int(),
  /** From sending to the end of the answer (or the failure), in ms. */
  durationMs: z.number().min(0),
  profile: z.strictObject({ id: z.string(), name: z.string() }),
  endpoint: z.string(),
  /** The request as built, placeholders included: what "Duplicate" and "Resend" start from. */
  request: draftRequestSchema,
  /** The exact body that was sent (placeholders filled in, tracker key included, no API key). */
  requestBody: z.string(),
  result: z.discriminatedUnion('kind', [sentResponseSchema, networkFailureSchema]),
});
export type SendHistoryEntry = z.infer<typeof sendHistoryEntrySchema>;

/** A line of the history list. */
export const sendHistorySummarySchema = z.strictObject({
  id: historyIdSchema,
  sentAt: z.int(),
  durationMs: z.number().min(0),
  profileName: z.string(),
  eventCount: z.int().min(0),
  /** The distinct event names and customer IDs of the request, in order of appearance. */
  eventNames: z.array(z.string()),
  customerIds: z.array(z.string()),
  /** The HTTP status, or null when there was no answer. */
  status: z.int().nullable(),
});
export type SendHistorySummary = z.infer<typeof sendHistorySummarySchema>;

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Names and customer IDs as sent (placeholders filled in), else as built. */
function sentEvents(entry: SendHistoryEntry): DraftRequest['events'] {
  try {
    const body = JSON.parse(entry.requestBody) as { events?: unknown };
    const parsed = draftRequestSchema.shape.events.safeParse(body.events);
    if (parsed.success) return parsed.data;
  } catch {
    // An unreadable body falls back to the request as built.
  }
  return entry.request.events;
}

/** The history list's line for `entry`. */
export function summarizeHistoryEntry(entry: SendHistoryEntry): SendHistorySummary {
  const events = sentEvents(entry);
  return {
    id: entry.id,
    sentAt: entry.sentAt,
    durationMs: entry.durationMs,
    profileName: entry.profile.name,
    eventCount: events.length,
    eventNames: distinct(events.map((event) => event.name)),
    customerIds: distinct(events.map((event) => event.identification.customer)),
    status: entry.result.kind === 'response' ? entry.result.status : null,
  };
}

/** Whether a summary matches a search: part of an event name or customer ID, ignoring case. */
export function historyMatches(summary: SendHistorySummary, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase('en');
  if (needle === '') return true;
  return [...summary.eventNames, ...summary.customerIds].some((value) =>
    value.toLocaleLowerCase('en').includes(needle),
  );
}
