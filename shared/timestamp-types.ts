/**
 * The types of the timestamp contract. `timestamps.ts` re-exports them: import from there.
 */

/** A timestamp format as written in a mapping file: a keyword or a Unicode date pattern. */
export type TimestampFormatName = 'auto' | 'iso8601' | 'unix_ms' | 'unix_s' | 'excel_serial';

/** A format that has been decided (never `auto`). */
export type ResolvedTimestampFormat =
  | { kind: 'iso8601' }
  | { kind: 'unix_ms' }
  | { kind: 'unix_s' }
  | { kind: 'excel_serial' }
  | { kind: 'pattern'; pattern: string };

export type TimestampIssueKind =
  | 'timestamp_unparsed'
  | 'timestamp_out_of_range'
  | 'timestamp_nonexistent'
  | 'timestamp_ambiguous'
  | 'timestamp_day_month_unclear';

/** Where and when values are read: the IANA zone for values without an offset, and "now" for the range check. */
export interface TimestampContext {
  zone: string;
  now: number;
}

export type TimestampResult =
  { ok: true; ms: number } | { ok: false; kind: TimestampIssueKind; message: string };

/**
 * The decision for a column. `candidates` is set only for `timestamp_day_month_unclear`: the day-first
 * and the month-first pattern, so a screen can offer exactly those two choices.
 */
export type FormatResolution =
  | { ok: true; format: ResolvedTimestampFormat; description: string }
  | {
      ok: false;
      kind: 'timestamp_day_month_unclear' | 'timestamp_unparsed';
      message: string;
      candidates?: readonly [dayFirst: string, monthFirst: string];
    };

/** Calendar date and clock time as written, before any time zone is applied. Month is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}
