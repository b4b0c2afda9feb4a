/**
 * The plain-words messages of timestamp issues: what happened, quoting the value, and what to do.
 * Read by customer-success staff, so no jargon beyond the format names they chose themselves.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import type { LocalResolution } from './timestamp-zone';
import type { ResolvedTimestampFormat } from './timestamp-types';
import { EARLIEST_TIMESTAMP } from './timestamp-wall';

type Gap = Extract<LocalResolution, { kind: 'gap' }>;
type Overlap = Extract<LocalResolution, { kind: 'overlap' }>;

const LONGEST_QUOTE = 60;
const FIX_FORMAT = 'Correct the value or choose the timestamp format that matches the column.';

/** The value in quotes, shortened so that a runaway cell does not flood a report. */
export function quote(value: string): string {
  const short = value.length > LONGEST_QUOTE ? `${value.slice(0, LONGEST_QUOTE - 1)}…` : value;
  return `"${short}"`;
}

/** How a decided format is named to a user, with an example. */
export function describeFormat(format: ResolvedTimestampFormat, example?: string): string {
  switch (format.kind) {
    case 'iso8601':
      return 'an ISO 8601 date and time (like 2024-04-03T05:50:56Z)';
    case 'unix_ms':
      return 'a Unix time in milliseconds (like 1712123456789)';
    case 'unix_s':
      return 'a Unix time in seconds (like 1712123456)';
    case 'excel_serial':
      return 'a spreadsheet day number (like 45383.5)';
    case 'pattern':
      return example === undefined
        ? `the date format ${format.pattern}`
        : `the date format ${format.pattern} (like ${example})`;
  }
}

export function blankMessage(): string {
  return 'The timestamp is empty. Fill it in or skip the row.';
}

export function unparsedMessage(value: string, expected: string): string {
  return `${quote(value)} is not ${expected}. ${FIX_FORMAT}`;
}

export function impossibleMessage(value: string, problem: string): string {
  return `${quote(value)} is not a real date and time: ${problem}. Correct the value.`;
}

export function scientificMessage(value: string): string {
  return `${quote(value)} is written in scientific notation, which has lost digits of the time. In the spreadsheet, format the column as a plain number and export it again.`;
}

export function unknownZoneMessage(value: string, zone: string): string {
  return `The time zone ${quote(zone)} is not known, so ${quote(value)} cannot be read. Choose a time zone such as Europe/Berlin for the timestamp column.`;
}

function describeUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return rest === 0 ? `UTC${sign}${hours}` : `UTC${sign}${hours}:${String(rest).padStart(2, '0')}`;
}

export function nonexistentMessage(value: string, zone: string, gap: Gap): string {
  return `${quote(value)} does not exist in ${zone}: clocks jumped from ${gap.clockFrom} to ${gap.clockTo} that night. Correct the time or give it with an offset.`;
}

export function ambiguousMessage(value: string, zone: string, overlap: Overlap): string {
  const iso = (side: Overlap['earlier']): string =>
    DateTime.fromMillis(side.ms, {
      zone: FixedOffsetZone.instance(side.offsetMinutes),
    }).toISO({ suppressMilliseconds: true }) ?? '';
  const earlier = describeUtcOffset(overlap.earlier.offsetMinutes);
  const later = describeUtcOffset(overlap.later.offsetMinutes);
  return `${quote(value)} happened twice in ${zone}: clocks went back from ${overlap.clockFrom} to ${overlap.clockTo} that night, so it could be the first time (${earlier}) or the second (${later}). Give the time with an offset, like ${iso(overlap.earlier)} for the first or ${iso(overlap.later)} for the second.`;
}

export type RangeHint = 'seconds' | 'milliseconds' | null;

export function outOfRangeMessage(
  value: string,
  ms: number,
  zone: string,
  tooEarly: boolean,
  latest: number,
  hint: RangeHint,
): string {
  const read = DateTime.fromMillis(ms, { zone });
  const shown = read.isValid
    ? `reads as ${read.toFormat('yyyy-MM-dd HH:mm:ss')} (${zone}), which is`
    : 'is a date';
  // The limits are shown in the same zone as the value, so that the comparison reads true.
  const limit = DateTime.fromMillis(tooEarly ? EARLIEST_TIMESTAMP : latest, { zone }).toFormat(
    'yyyy-MM-dd HH:mm',
  );
  const where = tooEarly
    ? `before ${limit}, the earliest time accepted (the start of 2000 in UTC)`
    : `more than a year from today (the latest time accepted is ${limit})`;
  const advice =
    hint === 'seconds'
      ? 'If the column holds Unix times in seconds, choose the format unix_s.'
      : hint === 'milliseconds'
        ? 'If the column holds Unix times in milliseconds, choose the format unix_ms.'
        : 'Check the value and the timestamp format of the column.';
  return `${quote(value)} ${shown} ${where}. ${advice}`;
}
