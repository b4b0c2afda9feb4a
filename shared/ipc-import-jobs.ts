import { z } from 'zod';
import { jobOutcomeSchema, jobProgressSchema } from './job-progress';

// The uploads' half of the `import:*` channels (the rest is in ipc-import.ts, which exports this
// module too): starting a job, following it, how it ended, the History list and the resume offers.

export const sessionIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/);

/** The most events a sample may hold: a sample is a few events to look at, not an import. */
export const MAX_SAMPLE_EVENTS = 1000;
/** The events a sample holds unless changed: enough to see, few enough to delete by hand. */
export const DEFAULT_SAMPLE_EVENTS = 5;

export const startRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  /** `refused`: only the rows the server refused last time (after fixing them). */
  rows: z.enum(['all', 'refused']),
  /** Send the events the destination already has, too (the review's "Send them again"). */
  sendAgain: z.boolean().optional(),
  /** Send only this many events first, then stop: the review's "Send a sample first". */
  sample: z.int().min(1).max(MAX_SAMPLE_EVENTS).optional(),
});
export const startResponseSchema = z.object({ jobId: jobIdSchema });
export type StartResponse = z.infer<typeof startResponseSchema>;

export const jobRequestSchema = z.strictObject({ jobId: jobIdSchema });
/** Pause, resume, cancel and dismiss answer nothing: done, or the envelope's error. */
export const jobActionResponseSchema = z.null();

/** How an upload ended. */
export const jobEndSchema = z.object({
  outcome: jobOutcomeSchema,
  message: z.string(),
  reportRows: z.int(),
  /** Rows the server refused, now back in the review table (only when the file is still open). */
  refusedRows: z.int(),
  /**
   * The job stopped after a sample: how many events it sent and their customers' IDs (to look
   * them up in Customerscore); `import:continue` sends the rest.
   */
  sample: z.object({ events: z.int(), customers: z.array(z.string()) }).nullable(),
});
export type JobEnd = z.infer<typeof jobEndSchema>;

/** An upload as the wizard follows it: sent to the page about ten times a second at most. */
export const jobUpdateSchema = z.object({
  jobId: z.string(),
  sessionId: z.string().nullable(),
  fileName: z.string(),
  /** Events expected to be sent in all (validation's count), when known. */
  totalEvents: z.int().nullable(),
  progress: jobProgressSchema,
  end: jobEndSchema.nullable(),
});
export type JobUpdate = z.infer<typeof jobUpdateSchema>;

/** A past or interrupted import, for the resume offer and the History screen. */
export const jobSummarySchema = z.object({
  jobId: jobIdSchema,
  fileName: z.string(),
  filePath: z.string(),
  profileName: z.string().nullable(),
  state: z.enum(['running', 'paused', 'cancelled', 'completed', 'failed', 'interrupted']),
  reason: z.string().nullable(),
  startedAt: z.string(),
  /** Milliseconds from start to the last record. */
  durationMs: z.number().nullable(),
  sent: z.int(),
  rejected: z.int(),
  possibleDuplicates: z.int(),
  /** Rows the duplicate guard skipped: an earlier import had their events accepted there. */
  alreadySent: z.int(),
  totalEvents: z.int().nullable(),
  hasReport: z.boolean(),
  /** Running in this app right now (not to be offered for resuming). */
  live: z.boolean(),
  /**
   * The person chose not to resume it ("Don't resume", or its file started again as a new
   * import): it is no longer offered, so History must not say it can be resumed.
   */
  dismissed: z.boolean(),
});
export type ImportJobSummary = z.infer<typeof jobSummarySchema>;

export const jobListSchema = z.array(jobSummarySchema);

/** Where an import sends: a tracker key at an endpoint (never the API key). */
export const destinationSchema = z.object({ trackerKey: z.string(), endpoint: z.string() });
export type ImportDestination = z.infer<typeof destinationSchema>;

/**
 * An interrupted import as the resume offer shows it: with where it was started and where its
 * profile sends now, so that the offer can ask before any request when they differ. The profile's
 * key goes only where the job was started, and only while the profile still points there.
 */
export const interruptedJobSchema = jobSummarySchema.extend({
  destination: z.object({
    /** Where the job's record says it was started. */
    started: destinationSchema,
    /** Where its profile sends now; null when it cannot send (no profile, no tracker key). */
    now: destinationSchema.nullable(),
    /**
     * Why it cannot be resumed as it is: `destination_not_allowed`, the recorded endpoint is not
     * one the app sends to (https, or http only to this computer); `destination_changed`, the
     * profile now sends elsewhere (or the record was altered). Null when it may be resumed.
     */
    problem: z.enum(['destination_not_allowed', 'destination_changed']).nullable(),
  }),
});
export type InterruptedImport = z.infer<typeof interruptedJobSchema>;
