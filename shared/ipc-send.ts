import { z } from 'zod';
import { profileIdSchema } from './settings';
import { draftRequestSchema } from './send-draft';
import {
  builderContentSchema,
  sendTemplateSchema,
  templateIdSchema,
  templateNameSchema,
} from './send-builder';
import {
  historyIdSchema,
  SEND_HISTORY_LIMIT,
  sendHistoryEntrySchema,
  sendHistorySummarySchema,
} from './send-history';

// The "Send event" screen's channels. The renderer sends the request WITHOUT the API key; the main
// process adds the profile's key, endpoint and tracker key, sends, and keeps the history. The key
// never comes back: the curl command is masked, or copied with the key straight to the clipboard by
// the main process (docs/security.md item 1).

/** Which profile a request goes through; the active one unless `profileId` names another. */
const throughProfile = { profileId: profileIdSchema.optional() };

/** `send:request`: a built request (see `draftRequestSchema`), sent through a profile. */
export const sendRequestSchema = draftRequestSchema.extend(throughProfile);
export type SendRequest = z.infer<typeof sendRequestSchema>;

/** Whether the profile's API key is there: `unavailable` when no keychain answers. */
export const keyStateSchema = z.enum(['set', 'missing', 'unavailable']);
export type KeyState = z.infer<typeof keyStateSchema>;

/** `send:getTarget`: where a request would go now, and why it cannot go yet, if so. */
export const sendTargetSchema = z.strictObject({
  profileId: z.string(),
  profileName: z.string(),
  endpoint: z.string(),
  /** `''` when the profile has none yet. */
  trackerKey: z.string(),
  keyState: keyStateSchema,
  /** What must be fixed in Settings before sending, in plain words; null when nothing. */
  problem: z.string().nullable(),
});
export type SendTarget = z.infer<typeof sendTargetSchema>;

/**
 * `send:request`'s answer: the history entry of what was sent (even when the server refused it or
 * could not be reached). When nothing was sent, the envelope's error says why, and its code where
 * to fix it: `settings` (the profile) or `invalid_input` (the request).
 */
export const sendOutcomeSchema = z.strictObject({
  entry: sendHistoryEntrySchema,
  /** Set when the request went out but could not be added to the history. */
  historyProblem: z.string().nullable(),
});
export type SendOutcome = z.infer<typeof sendOutcomeSchema>;

/**
 * `send:curl`: builds the request as a curl command in the main process and puts it on the system
 * clipboard. The key is `$CUSTOMERSCORE_KEY` unless `reveal` is true; only a masked command is ever
 * answered, never one holding the key.
 */
export const sendCurlRequestSchema = sendRequestSchema.extend({ reveal: z.boolean() });
export type SendCurlRequest = z.infer<typeof sendCurlRequestSchema>;

/**
 * A command copied with the real key is removed from the clipboard this long after the copy, if it
 * is still there (electron/send/clipboard-clear.ts); the Send event screen says so.
 */
export const REVEALED_CURL_CLEAR_SECONDS = 30;

/** What was put on the clipboard; a command that could not be built or copied is the envelope's error. */
export const sendCurlResultSchema = z.strictObject({
  revealed: z.boolean(),
  /** The command as copied when masked; null when it holds the key. */
  command: z.string().nullable(),
});
export type SendCurlResult = z.infer<typeof sendCurlResultSchema>;

export const historyListRequestSchema = z
  .strictObject({
    /** Part of an event name or customer ID. */
    query: z.string().max(200).optional(),
    limit: z.int().min(1).max(SEND_HISTORY_LIMIT).optional(),
  })
  .optional();

export const historyListSchema = z.strictObject({
  /** Newest first. */
  entries: z.array(sendHistorySummarySchema),
  /** How many entries match the query (`entries` may be fewer, see `limit`). */
  matching: z.int().min(0),
  /** How many entries the history holds. */
  stored: z.int().min(0),
});
export type HistoryList = z.infer<typeof historyListSchema>;

/** The IPC channels of the "Send event" screen; spread into `ipcRequests` in `./ipc`. */
export const sendIpcRequests = {
  'send:getTarget': { request: z.undefined(), response: sendTargetSchema },
  'send:request': { request: sendRequestSchema, response: sendOutcomeSchema },
  'send:curl': { request: sendCurlRequestSchema, response: sendCurlResultSchema },
  'sendHistory:list': { request: historyListRequestSchema, response: historyListSchema },
  'sendHistory:get': {
    request: z.strictObject({ id: historyIdSchema }),
    response: z.strictObject({ entry: sendHistoryEntrySchema.nullable() }),
  },
  'sendHistory:clear': {
    request: z.undefined(),
    response: z.strictObject({ removed: z.int().min(0) }),
  },
  'sendTemplates:list': {
    request: z.undefined(),
    response: z.strictObject({ templates: z.array(sendTemplateSchema) }),
  },
  // A full templates file is the envelope's error (code `refused`).
  'sendTemplates:save': {
    request: z.strictObject({ name: templateNameSchema, content: builderContentSchema }),
    response: z.strictObject({ template: sendTemplateSchema, replaced: z.boolean() }),
  },
  'sendTemplates:delete': {
    request: z.strictObject({ id: templateIdSchema }),
    response: z.strictObject({ deleted: z.boolean() }),
  },
} as const;
