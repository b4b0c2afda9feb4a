import { z } from 'zod';
import { alreadySentSchema } from './already-sent';
import { decimalChoiceSchema } from './decimal-detect';
import { delimiterSchema, delimiterSourceSchema } from './delimiters';
import { encodingSourceSchema } from './encodings';
import { issueKindSchema, mappingIssueSchema, rowIssueSchema } from './issues';
import { fileSourceSchema, mappingSchema } from './mapping';
import { fileHandleSchema } from './ipc-file';
import {
  interruptedJobSchema,
  jobActionResponseSchema,
  jobListSchema,
  jobRequestSchema,
  jobUpdateSchema,
  sessionIdSchema,
  startRequestSchema,
  startResponseSchema,
} from './ipc-import-jobs';

// The uploads' half of the contract (start, follow, end, History, resume offers) is in
// ipc-import-jobs.ts; it is exported from here too, so callers name one module.
export * from './ipc-import-jobs';

// The import wizard's channels (`import:*`): open a file, validate it with a mapping, page through
// its rows, fix or skip rows, send, and follow, pause, resume or cancel the upload. The file stays
// in the main process: the renderer only ever holds a page of it. Answers are plain data; a file
// that cannot be read, a file no longer open (`gone`) or an import that cannot start comes back as
// the envelope's error, with its code and its message in plain words (shared/ipc.ts).

const rowNumberSchema = z.int().min(1);

/** What a workbook's cell is beyond its text (shared/typed-cells.ts); null for text and empty. */
export const cellKindSchema = z.enum(['number', 'boolean', 'date', 'problem']).nullable();
export type CellKind = z.infer<typeof cellKindSchema>;

/**
 * One data row: its row number (a CSV file's record, a sheet's own row) and its cells as text.
 * A workbook's row also says which cells are numbers, booleans, dates (their text is ISO 8601,
 * read as the wall clock whatever the timestamp format) or errors (never sent).
 */
export const sampleRowSchema = z.object({
  row: z.int(),
  cells: z.array(z.string()),
  kinds: z.array(cellKindSchema).optional(),
});
export type SampleRow = z.infer<typeof sampleRowSchema>;

/** A workbook's sheet, as the sheet picker lists it. */
export const sheetPreviewSchema = z.object({
  name: z.string(),
  /** Hidden sheets can be shown again in Excel; very hidden ones only by a macro. */
  state: z.enum(['visible', 'hidden', 'veryHidden']),
  /** The rows it spans, first to last holding a value (header included); null when empty. */
  rows: z.int().nullable(),
});
export type SheetPreview = z.infer<typeof sheetPreviewSchema>;

/** What kind of file was opened: text (CSV, TSV) or a workbook of one of these formats. */
export const fileFormatSchema = z.enum(['csv', 'xlsx', 'xls', 'ods']);
export type FileFormat = z.infer<typeof fileFormatSchema>;

/** A workbook's sheets and the one read; `import:configure` with `source.sheet` reads another. */
export const workbookPreviewSchema = z.object({
  sheet: z.string(),
  /** In tab order, hidden ones included. */
  sheets: z.array(sheetPreviewSchema),
  /** The sheet read when none is chosen: the first visible one. */
  defaultSheet: z.string().nullable(),
  /** 1904 for old Mac workbooks: their dates count from 1904-01-01 (already applied). */
  dateSystem: z.union([z.literal(1900), z.literal(1904)]),
});
export type WorkbookPreview = z.infer<typeof workbookPreviewSchema>;

/** What the "Choose a file" step shows at once: how the file is read, and its first rows. */
export const filePreviewSchema = z.object({
  fileName: z.string(),
  fileSize: z.number(),
  encoding: z.string(),
  /** How the encoding was decided; `encodingReason` (shared/encodings.ts) words it. */
  encodingSource: encodingSourceSchema,
  /** The other likely encoding when the choice was close (`system`, `uncertain`), else null. */
  encodingAlternative: z.string().nullable(),
  bom: z.boolean(),
  delimiter: delimiterSchema,
  delimiterSource: delimiterSourceSchema,
  headerRow: z.int().min(1),
  /** A row that looks more like the column names than `headerRow` (title lines above them). */
  suggestedHeaderRow: z.int().nullable(),
  header: z.array(z.string()),
  sampleRows: z.array(sampleRowSchema),
  /** Cells pasted on the Import screen, kept as a tab-separated UTF-8 file in the data folder. */
  pasted: z.boolean(),
  /**
   * `csv` for a text file; for a workbook the encoding, delimiter and byte-order mark above do
   * not apply (they hold UTF-8, ',' and false) and `workbook` says which sheet is read.
   */
  format: fileFormatSchema,
  workbook: workbookPreviewSchema.nullable(),
});
export type FilePreview = z.infer<typeof filePreviewSchema>;

/** The mapping used last with a file of the same columns, offered again. */
export const recentMappingSchema = z.object({
  mapping: mappingSchema,
  fileName: z.string(),
  usedAt: z.string(),
});
export type RecentMapping = z.infer<typeof recentMappingSchema>;

/**
 * `import:open`: the handle `window.api.registerFile` answered for the file, never a path (the
 * page cannot name a file the user did not pick; an unknown handle is refused, code `gone`).
 */
export const openFileRequestSchema = z.strictObject({
  file: fileHandleSchema,
  source: fileSourceSchema.optional(),
});
export const openFileResponseSchema = z.object({
  sessionId: sessionIdSchema,
  file: filePreviewSchema,
  recentMapping: recentMappingSchema.nullable(),
});
export type OpenFileResponse = z.infer<typeof openFileResponseSchema>;

/**
 * Cells copied from Excel, Google Sheets or Numbers: the clipboard's plain text, tab-separated,
 * with quoted cells where they hold line breaks. Larger than this is a file's job.
 */
export const MAX_PASTE_CHARS = 32 * 1024 * 1024;
export const PASTE_TOO_LARGE = `That is too much to paste (over ${MAX_PASTE_CHARS / 1024 / 1024} million characters). Save the cells as a file (CSV or .xlsx) and choose it.`;
export const pasteCellsRequestSchema = z.strictObject({
  text: z.string().max(MAX_PASTE_CHARS, { message: PASTE_TOO_LARGE }),
});

export const configureFileRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  source: fileSourceSchema,
});
export const configureFileResponseSchema = z.object({ file: filePreviewSchema });
export type ConfigureFileResponse = z.infer<typeof configureFileResponseSchema>;

/** Counts the review shows; "rows" are data rows of the file. */
export const reviewSummarySchema = z.object({
  totalRows: z.int(),
  validRows: z.int(),
  invalidRows: z.int(),
  warnedRows: z.int(),
  /** Rows per kind of problem (a row with two missing values counts once for that kind). */
  issueCounts: z.partialRecord(issueKindSchema, z.int()),
  skippedRows: z.int(),
  editedRows: z.int(),
  /** Rows that will be sent: valid and not skipped. */
  readyRows: z.int(),
  skipProblems: z.boolean(),
  /** Rows the server refused in the last upload of this file, to fix and send again. */
  refusedRows: z.int(),
  timestampDescription: z.string(),
  /** How each number attribute's decimals are read, decided by the main process from the file. */
  decimalMarks: z.array(decimalChoiceSchema),
  zone: z.string(),
  /**
   * The duplicate guard: valid rows whose events the active profile's destination already has
   * (skipped unless sent again) or may have (sent again); null when no destination is set.
   */
  alreadySent: alreadySentSchema.nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const validateRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  mapping: mappingSchema,
});
/**
 * What checking every row found: the review's summary, the mapping's problems (shown on the
 * mapping step), or nothing because a newer check or a close took over (`cancelled`).
 */
export const validateResponseSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('valid'), summary: reviewSummarySchema }),
  z.object({ result: z.literal('mapping'), issues: z.array(mappingIssueSchema) }),
  z.object({ result: z.literal('cancelled') }),
]);
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

/** Which rows the review table lists. */
export const rowsViewSchema = z.enum(['all', 'problems', 'refused']);
export type RowsView = z.infer<typeof rowsViewSchema>;

/** A row of the review table. */
export const reviewRowSchema = z.object({
  /** Its place in the current view (0-based). */
  position: z.int(),
  row: z.int(),
  cells: z.array(z.string()),
  /** Column indexes of cells typed over in the review. */
  edited: z.array(z.int()),
  skipped: z.boolean(),
  status: z.enum(['ok', 'warning', 'error']),
  issues: z.array(rowIssueSchema),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

export const rowsRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  view: rowsViewSchema,
  offset: z.int().min(0),
  limit: z.int().min(1).max(500),
});
export const rowsResponseSchema = z.object({ total: z.int(), rows: z.array(reviewRowSchema) });
export type RowsResponse = z.infer<typeof rowsResponseSchema>;

export const editCellRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  row: rowNumberSchema,
  column: z.int().min(0),
  value: z.string().max(1_000_000),
});
export const editCellResponseSchema = z.object({
  row: reviewRowSchema.nullable(),
  summary: reviewSummarySchema,
});

export const skipRowsRequestSchema = z.strictObject({
  sessionId: sessionIdSchema,
  /** Rows to skip or take back; `problems` means every row that cannot be sent. */
  rows: z.union([z.array(rowNumberSchema).max(10_000), z.literal('problems')]),
  skip: z.boolean(),
});

export const sessionRequestSchema = z.strictObject({ sessionId: sessionIdSchema });

/** A CSV file for the renderer to offer as a download (rejected rows). */
export const downloadSchema = z.object({
  fileName: z.string(),
  text: z.string(),
  rows: z.int(),
});
export type Download = z.infer<typeof downloadSchema>;

export const validationProgressSchema = z.object({
  sessionId: z.string(),
  rowsRead: z.int(),
  bytesRead: z.number(),
  fileSize: z.number(),
});
export type ValidationProgressInfo = z.infer<typeof validationProgressSchema>;

/** A job's file opened again, as a new import: with the mapping that job was sent with. */
export const reopenResponseSchema = openFileResponseSchema.extend({ mapping: mappingSchema });
export type ReopenResponse = z.infer<typeof reopenResponseSchema>;

/** The `import:*` request channels, merged into `ipcRequests` in `ipc.ts`. */
export const importRequests = {
  'import:open': { request: openFileRequestSchema, response: openFileResponseSchema },
  'import:paste': { request: pasteCellsRequestSchema, response: openFileResponseSchema },
  'import:configure': {
    request: configureFileRequestSchema,
    response: configureFileResponseSchema,
  },
  'import:validate': { request: validateRequestSchema, response: validateResponseSchema },
  'import:rows': { request: rowsRequestSchema, response: rowsResponseSchema },
  'import:editCell': { request: editCellRequestSchema, response: editCellResponseSchema },
  'import:skipRows': { request: skipRowsRequestSchema, response: reviewSummarySchema },
  'import:summary': { request: sessionRequestSchema, response: reviewSummarySchema },
  'import:sessionReport': { request: sessionRequestSchema, response: downloadSchema },
  'import:close': { request: sessionRequestSchema, response: z.null() },
  'import:start': { request: startRequestSchema, response: startResponseSchema },
  'import:pause': { request: jobRequestSchema, response: jobActionResponseSchema },
  'import:resume': { request: jobRequestSchema, response: jobActionResponseSchema },
  'import:cancel': { request: jobRequestSchema, response: jobActionResponseSchema },
  'import:live': { request: z.undefined(), response: z.array(jobUpdateSchema) },
  'import:interrupted': { request: z.undefined(), response: z.array(interruptedJobSchema) },
  'import:continue': { request: jobRequestSchema, response: startResponseSchema },
  'import:reopen': { request: jobRequestSchema, response: reopenResponseSchema },
  'import:dismiss': { request: jobRequestSchema, response: jobActionResponseSchema },
  'import:jobs': { request: z.undefined(), response: jobListSchema },
  'import:jobReport': { request: jobRequestSchema, response: downloadSchema },
} as const;

/** The `import:*` event channels, merged into `ipcEvents` in `ipc.ts`. */
export const importEvents = {
  'import:validation': validationProgressSchema,
  'import:job': jobUpdateSchema,
} as const;
