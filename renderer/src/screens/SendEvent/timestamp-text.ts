import { DateTime } from 'luxon';

// The builder's timestamp as a person reads it: a date and time in this computer's zone for the
// picker, and beside it the exact Unix milliseconds and the time in UTC.

const LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm:ss.SSS";

/** The value of a `datetime-local` input (with milliseconds) for `ms`, in the local zone. */
export function toLocalInput(ms: number, zone?: string): string {
  const time = DateTime.fromMillis(ms, zone === undefined ? {} : { zone });
  return time.isValid ? time.toFormat(LOCAL_INPUT) : '';
}

/**
 * Unix ms for a `datetime-local` value (seconds and milliseconds optional) in the local zone, or
 * null. A time that does not exist (skipped by a daylight-saving change) moves forward, as luxon
 * does, and the readout beside the field shows the result.
 */
export function fromLocalInput(value: string, zone?: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const time = DateTime.fromISO(value, zone === undefined ? {} : { zone });
  return time.isValid ? time.toMillis() : null;
}

/** `2024-04-03 05:50:56.789 UTC`. */
export function utcText(ms: number): string {
  const time = DateTime.fromMillis(ms, { zone: 'utc' });
  return time.isValid ? time.toFormat("yyyy-MM-dd HH:mm:ss.SSS 'UTC'") : '';
}

/** The local zone, for the picker's hint: `Europe/Berlin (UTC+2)`. */
export function localZoneText(ms: number, zone?: string): string {
  const time = DateTime.fromMillis(ms, zone === undefined ? {} : { zone });
  return `${time.zoneName ?? 'local time'} (UTC${time.toFormat('ZZ')})`;
}

/** A time for lists: `3 Apr 2024, 07:50:56` in the local zone. */
export function localDateTimeText(ms: number): string {
  return DateTime.fromMillis(ms).toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS);
}
