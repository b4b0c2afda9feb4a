import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseRetryAfter,
  RETRY_AFTER_DEFAULT_MS,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
} from './retry-after';
import { backoffDelay } from './backoff';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('17', null, NOW)).toEqual({ delayMs: 17_000, fromHeader: true });
    expect(parseRetryAfter(' 2.5 ', null, NOW).delayMs).toBe(2_500);
  });

  it('reads an HTTP date against the response Date header, else the local clock', () => {
    const header = 'Sat, 01 Mar 2025 12:00:45 GMT';
    expect(parseRetryAfter(header, null, NOW).delayMs).toBe(45_000);
    // The local clock is 10 minutes fast; the server's own Date keeps the wait right.
    expect(parseRetryAfter(header, 'Sat, 01 Mar 2025 12:00:05 GMT', NOW + 600_000).delayMs).toBe(
      40_000,
    );
  });

  it('clamps to 1 s .. 10 min', () => {
    expect(parseRetryAfter('0', null, NOW).delayMs).toBe(RETRY_AFTER_MIN_MS);
    expect(parseRetryAfter('86400', null, NOW).delayMs).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', null, NOW).delayMs).toBe(
      RETRY_AFTER_MIN_MS,
    );
  });

  it('falls back to the default when the header is missing or unreadable', () => {
    for (const header of [null, '', 'soon', '-5', '12abc']) {
      expect(parseRetryAfter(header, null, NOW)).toEqual({
        delayMs: RETRY_AFTER_DEFAULT_MS,
        fromHeader: false,
      });
    }
  });

  it('always returns a wait within the clamp, whatever the header', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), (header) => {
        const { delayMs } = parseRetryAfter(header, null, NOW);
        expect(delayMs).toBeGreaterThanOrEqual(RETRY_AFTER_MIN_MS);
        expect(delayMs).toBeLessThanOrEqual(RETRY_AFTER_MAX_MS);
      }),
    );
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by the random draw (full jitter)', () => {
    const options = { baseMs: 1_000, capMs: 30_000 };
    expect(backoffDelay(0, () => 0.5, options)).toBe(500);
    expect(backoffDelay(3, () => 0.5, options)).toBe(4_000);
    expect(backoffDelay(10, () => 0.999, options)).toBe(29_970);
    expect(backoffDelay(4, () => 0, options)).toBe(0);
  });
});
