import { z } from 'zod';
import type { TimestampIssueKind } from './timestamps';

/**
 * Every kind of problem the app can report about a row or a mapping. The review table filters and
 * the summaries count by kind, so a kind is a stable name; the words a person reads are in
 * `issueKindLabel` and in each issue's own message.
 */
export const issueKindSchema = z.enum([
  'missing_value',
  'unknown_column',
  'invalid_number',
  'invalid_boolean',
  'excel_error',
  'formula_not_calculated',
  'invalid_timezone',
  'contact_data_without_contact',
  'timestamp_unparsed',
  'timestamp_out_of_range',
  'timestamp_nonexistent',
  'timestamp_ambiguous',
  'timestamp_day_month_unclear',
  'too_few_fields',
  'too_many_fields',
  'unclosed_quote',
  'event_too_large',
  'rejected_by_server',
]);
export type IssueKind = z.infer<typeof issueKindSchema>;

// Fails to compile if shared/timestamps.ts grows a kind that this list does not know.
const _timestampKindsFit: TimestampIssueKind extends IssueKind ? true : never = true;

/** `error` keeps the row from being sent; `warning` is shown but the row is still sent. */
export const issueSeveritySchema = z.enum(['error', 'warning']);
export type IssueSeverity = z.infer<typeof issueSeveritySchema>;

/**
 * A problem with one row of the file. `row` is the spreadsheet row number (the header is row 1, the
 * first data row is row 2); `column` is the header of the cell concerned, or null for the whole row.
 */
export const rowIssueSchema = z.strictObject({
  row: z.int().min(1),
  column: z.string().nullable(),
  kind: issueKindSchema,
  severity: issueSeveritySchema,
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

/**
 * A problem with the mapping itself (it would affect every row), found before any row is read.
 * `field` is where in the mapping, dotted (`customer`, `customerData.mrr`, `timestamp.format`);
 * `column` is the file column concerned, if any.
 */
export const mappingIssueSchema = z.strictObject({
  field: z.string(),
  column: z.string().nullable(),
  kind: issueKindSchema,
  message: z.string(),
});
export type MappingIssue = z.infer<typeof mappingIssueSchema>;

const labels: Record<IssueKind, string> = {
  missing_value: 'required value missing',
  unknown_column: 'column not in the file',
  invalid_number: 'not a number',
  invalid_boolean: 'not a yes/no value',
  excel_error: 'a cell holds an Excel error',
  formula_not_calculated: 'formula without a saved result',
  invalid_timezone: 'time zone not recognised',
  contact_data_without_contact: 'contact attributes without a contact ID',
  timestamp_unparsed: 'timestamp not understood',
  timestamp_out_of_range: 'timestamp too far in the past or future',
  timestamp_nonexistent: 'time skipped by a clock change',
  timestamp_ambiguous: 'time repeated by a clock change',
  timestamp_day_month_unclear: 'day and month order unclear',
  too_few_fields: 'fewer cells than columns',
  too_many_fields: 'more cells than columns',
  unclosed_quote: 'read into a quote that never closes',
  event_too_large: 'event too large to send',
  rejected_by_server: 'rejected by the server',
};

/** A short plain label for summaries, e.g. "412 rows: timestamp not understood". */
export function issueKindLabel(kind: IssueKind): string {
  return labels[kind];
}

const QUOTE_LIMIT = 40;

/**
 * Quotes a cell value for a message, shortened so that a huge cell cannot flood a message, and with
 * control characters escaped so that a tab or line break in a cell stays visible.
 */
export function quoteValue(text: string): string {
  const short = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return JSON.stringify(short);
}

/** Appends the column to a message: `Foo is wrong.` becomes `Foo is wrong (column "Plan").` */
export function withColumn(message: string, column: string): string {
  const base = message.endsWith('.') ? message.slice(0, -1) : message;
  return `${base} (column ${JSON.stringify(column)}).`;
}
