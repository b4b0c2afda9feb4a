import type { RateLimitSettings } from './types';

/** `ok`, or how many whole seconds (at least 1) the client should wait: the `Retry-After` value. */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * "200 requests per minute" as a sliding-window log per API key: a request is admitted when fewer
 * than `requests` admitted requests arrived in the last `perMs`. Refused requests are not counted,
 * so a client that honours Retry-After gets through as soon as the oldest request leaves the window.
 * A sliding window is the strictest reading of the doc: a fixed window would allow 400 requests
 * within a second across a minute boundary, which a client must not rely on.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly settings: RateLimitSettings) {
    if (!(settings.requests >= 1 && settings.perMs >= 1)) {
      throw new RangeError('rateLimit needs requests >= 1 and perMs >= 1.');
    }
  }

  admit(key: string, now: number): Admission {
    let window = this.windows.get(key);
    if (!window) {
      window = [];
      this.windows.set(key, window);
    }
    const windowStart = now - this.settings.perMs;
    while (window.length > 0 && (window[0] ?? 0) <= windowStart) window.shift();
    if (window.length < this.settings.requests) {
      window.push(now);
      return { ok: true };
    }
    const oldest = window[0] ?? now;
    const waitMs = oldest + this.settings.perMs - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  reset(): void {
    this.windows.clear();
  }
}
