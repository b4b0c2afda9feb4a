/**
 * How long to wait after a 429, from its `Retry-After` header. The Track API documents the header as
 * a number of seconds; RFC 9110 also allows an HTTP date, which we accept too.
 *
 * - The wait is clamped to 1 s .. 10 min: 0 or a date in the past would make us ask again at once
 *   (and be refused again), and a wait of hours is more likely a misconfigured proxy than the API;
 *   after 10 minutes we ask again, and the server can always say "wait more".
 * - A missing or unreadable header waits 30 s: half the API's 60-second window, so that a client
 *   that is over the limit is well below it again when it asks.
 * - A date is compared with the response's own `Date` header when it has one, so that a wrong clock
 *   on this computer does not stretch or shrink the wait; otherwise with this computer's clock.
 */
export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 10 * 60_000;
export const RETRY_AFTER_DEFAULT_MS = 30_000;

export interface RetryAfter {
  delayMs: number;
  /** False when the header was missing or unreadable and the default applies. */
  fromHeader: boolean;
}

const SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

function clamp(ms: number): number {
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, Math.ceil(ms)));
}

/**
 * @param header the `Retry-After` value, or null when absent
 * @param dateHeader the response's `Date` value, or null
 * @param wallNow this computer's clock (Unix ms), used for dates when `dateHeader` is unusable
 */
export function parseRetryAfter(
  header: string | null,
  dateHeader: string | null,
  wallNow: number,
  defaultMs: number = RETRY_AFTER_DEFAULT_MS,
): RetryAfter {
  const fallback = { delayMs: clamp(defaultMs), fromHeader: false };
  if (header === null) return fallback;
  const seconds = SECONDS.exec(header);
  if (seconds) return { delayMs: clamp(Number(seconds[1]) * 1000), fromHeader: true };
  const until = Date.parse(header);
  // Date.parse also reads bare numbers and odd formats; an HTTP date always names a weekday or month.
  if (Number.isNaN(until) || !/[a-z]/i.test(header)) return fallback;
  const serverNow = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
  const reference = Number.isNaN(serverNow) ? wallNow : serverNow;
  return { delayMs: clamp(until - reference), fromHeader: true };
}
