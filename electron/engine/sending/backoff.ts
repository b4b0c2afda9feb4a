/**
 * Waits between retries of a request that failed with 5xx, a timeout or a lost connection:
 * exponential backoff with full jitter (`random() * min(cap, base * 2^attempt)`), which spreads
 * clients that failed together instead of having them all come back at the same moment.
 */
export interface BackoffOptions {
  /** The ceiling of the first wait. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };

/**
 * @param attempt 0 for the wait after the first failure, 1 after the second, ...
 * @param random a number in [0, 1), injected so that tests are repeatable
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
