import { z } from 'zod';
import { delimiterSchema } from '../../../shared/delimiters';

/** Format version of `journal.jsonl`; a reader refuses headers of other versions. */
export const JOURNAL_VERSION = 1;

const rowSchema = z.int().min(1);
const rowRangeSchema = z.tuple([rowSchema, rowSchema]).refine(([first, last]) => first <= last);
const rangesSchema = z.array(rowRangeSchema);

/**
 * How the file was read and where the events go: everything a resume needs to send the same
 * events to the same place. A CSV file's encoding and delimiter are the resolved values (never
 * `auto`), a workbook's sheet is named (it has neither), so a resume reads the file exactly as
 * the first run did. Strict: there is deliberately no field for
 * the API key, and an object carrying one (a whole profile passed by mistake) is refused.
 */
export const jobSettingsSchema = z.strictObject({
  encoding: z.string().min(1).optional(),
  delimiter: delimiterSchema.optional(),
  headerRow: z.int().min(1),
  sheet: z.string().min(1).optional(),
  zone: z.string().min(1),
  trackerKey: z.string().min(1),
  endpoint: z.string().min(1),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;

/**
 * Identifies a file's content cheaply enough for 1 GB files: size, modification time and the
 * SHA-256 of its first and last 64 KB (the whole file when it is at most 128 KB). An edit changes
 * the size or the modification time (editors and Excel rewrite the file); an edit that keeps both
 * and falls in the unhashed middle goes unnoticed, which is the price of not reading 1 GB.
 */
export const fileFingerprintSchema = z.strictObject({
  size: z.int().min(0),
  mtimeMs: z.number(),
  sampleSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileFingerprint = z.infer<typeof fileFingerprintSchema>;

export const jobHeaderSchema = z.strictObject({
  type: z.literal('job'),
  version: z.literal(JOURNAL_VERSION),
  jobId: z.string(),
  file: z.strictObject({ path: z.string(), fingerprint: fileFingerprintSchema }),
  /** SHA-256 of the mapping's canonical JSON. */
  mappingHash: z.string(),
  /** The mapping itself (column names and formats, no secrets), so a resume needs nothing else. */
  mapping: z.unknown(),
  settings: jobSettingsSchema,
  /** Rows and events the validation pass counted, when known: progress shows "x of y". */
  expected: z.strictObject({ dataRows: z.int().min(0), events: z.int().min(0) }).nullable(),
  createdAt: z.string(),
});
export type JobHeader = z.infer<typeof jobHeaderSchema>;

/** Written (and synced) before a batch is first sent. */
export const intentRecordSchema = z.strictObject({
  type: z.literal('intent'),
  batch: z.int().min(1),
  rows: rangesSchema.min(1),
  bytes: z.int().min(0),
  sha256: z.string(),
  at: z.number(),
});

export const attemptRecordSchema = z.strictObject({
  type: z.literal('attempt'),
  batch: z.int().min(1),
  n: z.int().min(1),
  at: z.number(),
});

export const serverRejectionSchema = z.strictObject({ row: rowSchema, message: z.string() });

/**
 * What became of a batch's rows: `accepted` arrived, `rejected` were refused with the server's
 * message, `doubtful` were sent in a request whose outcome is unknown (possible duplicates). Rows
 * of the batch in none of `accepted` / `rejected` are still to be sent (the job stopped mid-batch).
 */
export const resultRecordSchema = z.strictObject({
  type: z.literal('result'),
  batch: z.int().min(1),
  accepted: rangesSchema,
  rejected: z.array(serverRejectionSchema),
  doubtful: rangesSchema,
  note: z.string().optional(),
  at: z.number(),
});

/** Everything below `row` (which starts at byte `offset` of the file) is settled. */
export const lowWaterRecordSchema = z.strictObject({
  type: z.literal('lowWater'),
  offset: z.int().min(0),
  row: rowSchema,
  at: z.number(),
});

/** A row that will not be sent, with why, and its cells when known (for the report). */
export const rejectedRowSchema = z.strictObject({
  row: rowSchema,
  message: z.string(),
  cells: z.array(z.string()).optional(),
  /** Not sent because the duplicate guard found it sent before (not a problem with the row). */
  alreadySent: z.literal(true).optional(),
});
export type RejectedRowRecord = z.infer<typeof rejectedRowSchema>;

export const rejectedRecordSchema = z.strictObject({
  type: z.literal('rejected'),
  rows: z.array(rejectedRowSchema).min(1),
  at: z.number(),
});

export const jobStateSchema = z.enum(['running', 'paused', 'cancelled', 'completed', 'failed']);
export type JobState = z.infer<typeof jobStateSchema>;

export const stateRecordSchema = z.strictObject({
  type: z.literal('state'),
  state: jobStateSchema,
  reason: z.string().optional(),
  at: z.number(),
});

/** Any line after the header. */
export const journalRecordSchema = z.discriminatedUnion('type', [
  intentRecordSchema,
  attemptRecordSchema,
  resultRecordSchema,
  lowWaterRecordSchema,
  rejectedRecordSchema,
  stateRecordSchema,
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;
