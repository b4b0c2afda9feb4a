import { z } from 'zod';

// What an import job reports while it runs: the engine keeps it, the CLI draws it, and the import
// screen receives it over IPC, all in this one shape.

/** What a job is doing, as a word the UI and the CLI turn into a sentence. */
export const jobPhaseSchema = z.enum([
  'preparing',
  'sending',
  'waiting_rate_limit',
  'retrying',
  'paused',
  'completed',
  'cancelled',
  'failed',
  'interrupted',
]);
export type JobPhase = z.infer<typeof jobPhaseSchema>;

/** How a job ended (a pause is not an end: the job can go on). */
export const jobOutcomeSchema = z.enum(['completed', 'failed', 'cancelled', 'interrupted']);
export type JobOutcome = z.infer<typeof jobOutcomeSchema>;

/** A snapshot of a running job, sent to the renderer (throttled) and drawn by the CLI. */
export const jobProgressSchema = z.object({
  jobId: z.string().nullable(),
  phase: jobPhaseSchema,
  /** The phase in plain words: "Waiting 12 s: the server's rate limit". */
  message: z.string(),
  rowsRead: z.number(),
  bytesRead: z.number(),
  fileSize: z.number(),
  /** Events the server confirmed (this run and, when resumed, earlier runs). */
  eventsSent: z.number(),
  /** Rows that will not be sent: invalid in the file or refused by the server. */
  rejectedRows: z.number(),
  /** Of those, the ones the server refused. */
  rejectedByServer: z.number(),
  retries: z.number(),
  requests: z.number(),
  possibleDuplicates: z.number(),
  /** Rows skipped by the duplicate guard: their events were sent to this destination before. */
  alreadySent: z.number(),
  /** Events sent again that an earlier request may have delivered (its answer was lost). */
  maybeSentBefore: z.number(),
  /** Events per second over the last few seconds. */
  eventsPerSecond: z.number(),
  /** Estimated seconds left, or null before there is a rate to go by. */
  etaSeconds: z.number().nullable(),
  /** When waiting (rate limit or retry): how many seconds are left. */
  waitSeconds: z.number().nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
