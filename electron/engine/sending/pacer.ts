import { RATE_LIMIT } from '../../../shared/api';
import { abortable, systemNow, systemSleep } from './clock';
import type { Now, Sleep } from './clock';

/**
 * Spaces request starts evenly at the API's quota instead of sending bursts until throttled.
 *
 * - Interval: `perMs / requests × (1 + headroom)` between starts. The 2 % headroom keeps us under a
 *   sliding 60 s window even when network jitter bunches a few arrivals together; there is no
 *   initial burst (a token bucket would allow one, and a sliding window may still count requests
 *   from before a pause).
 * - Each start has a slot on an even schedule. A start that comes late (a timer fired late, the
 *   event loop stalled) keeps the schedule, so the next ones may follow sooner, but by at most
 *   `CATCH_UP` (2) intervals of lateness: late timers do not lower the rate, and catching up is a
 *   burst of at most 3. That stays within a sliding window: every start is at or after its slot,
 *   and each slot is at least one interval after the previous start minus two intervals, so any
 *   window of W ms holds at most W / interval + 3 starts (with the 2 % headroom, 199 of 200 at the
 *   API's quota). After idling (nothing waiting for its slot) nothing is caught up: no burst, since
 *   the server's window may still hold requests from before a pause or from another run.
 * - At most `maxInFlight` requests are open at once.
 * - 429: `penalize(retryAfterMs)` stops every start until the wait has passed, and multiplies the
 *   interval by 1.25 (up to 8× the configured interval). Requests that were already under way when
 *   the first 429 came in may be refused too: they do not slow the pace again. After every 20
 *   successes in a row the interval shrinks by 1.1× until it is back at the configured rate, so one
 *   429 costs about 60 requests of slightly slower pacing.
 */
export interface PacerOptions {
  requests?: number;
  perMs?: number;
  maxInFlight?: number;
  headroom?: number;
  now?: Now;
  sleep?: Sleep;
}

export interface Permit {
  /** When the request was allowed to start (the pacer's clock). */
  readonly startedAt: number;
  /** Frees the in-flight slot; `success` counts toward recovering the configured rate. */
  release(outcome: 'success' | 'failure'): void;
}

export interface PacerState {
  intervalMs: number;
  configuredIntervalMs: number;
  /** No request starts before this time (the pacer's clock); -Infinity when not blocked. */
  blockedUntil: number;
  inFlight: number;
}

export interface Pacer {
  /** Waits for the request's turn; rejects with the signal's reason when aborted. */
  acquire(signal?: AbortSignal): Promise<Permit>;
  penalize(retryAfterMs: number, requestStartedAt?: number): void;
  state(): PacerState;
}

const SLOWDOWN = 1.25;
const MAX_SLOWDOWN = 8;
const RECOVER_AFTER = 20;
const RECOVERY = 1.1;
const CATCH_UP = 2;

export function createPacer(options: PacerOptions = {}): Pacer {
  const requests = options.requests ?? RATE_LIMIT.requests;
  const perMs = options.perMs ?? RATE_LIMIT.perMs;
  const maxInFlight = options.maxInFlight ?? 4;
  const headroom = options.headroom ?? 0.02;
  const now = options.now ?? systemNow;
  const sleep = options.sleep ?? systemSleep;
  if (!(requests > 0 && perMs > 0 && maxInFlight >= 1 && headroom >= 0)) {
    throw new Error('The rate limit needs a positive number of requests, period and parallelism.');
  }
  const configured = (perMs / requests) * (1 + headroom);

  let interval = configured;
  let nextStart = Number.NEGATIVE_INFINITY;
  let blockedUntil = Number.NEGATIVE_INFINITY;
  let lastPenaltyAt = Number.NEGATIVE_INFINITY;
  let inFlight = 0;
  let streak = 0;
  let slotFreed: (() => void) | null = null;
  // Callers take turns through this chain, so the schedule is computed by one waiter at a time, in order.
  let gate: Promise<unknown> = Promise.resolve();

  async function waitTurn(signal?: AbortSignal): Promise<number> {
    while (inFlight >= maxInFlight) {
      await abortable(
        new Promise<void>((resolve) => {
          slotFreed = resolve;
        }),
        signal,
      );
    }
    let slept = false;
    for (;;) {
      const start = Math.max(nextStart, blockedUntil);
      const t = now();
      if (t >= start) {
        const catchUp = CATCH_UP * interval;
        nextStart =
          slept || t - start <= catchUp
            ? Math.max(start + interval, t - catchUp + interval)
            : t + interval;
        return t;
      }
      await sleep(start - t, signal);
      slept = true;
    }
  }

  function permit(startedAt: number): Permit {
    let released = false;
    return {
      startedAt,
      release(outcome) {
        if (released) return;
        released = true;
        inFlight -= 1;
        if (outcome === 'success') {
          streak += 1;
          if (streak >= RECOVER_AFTER) {
            streak = 0;
            interval = Math.max(configured, interval / RECOVERY);
          }
        }
        const wake = slotFreed;
        slotFreed = null;
        wake?.();
      },
    };
  }

  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const previous = gate;
      let leave = () => {};
      const mine = new Promise<void>((resolve) => {
        leave = resolve;
      });
      gate = Promise.all([previous, mine]);
      try {
        await abortable(previous, signal);
        const startedAt = await waitTurn(signal);
        inFlight += 1;
        return permit(startedAt);
      } finally {
        leave();
      }
    },
    penalize(retryAfterMs, requestStartedAt) {
      const t = now();
      blockedUntil = Math.max(blockedUntil, t + Math.max(0, retryAfterMs));
      streak = 0;
      if (requestStartedAt === undefined || requestStartedAt >= lastPenaltyAt) {
        interval = Math.min(configured * MAX_SLOWDOWN, interval * SLOWDOWN);
        lastPenaltyAt = t;
      }
    },
    state: () => ({
      intervalMs: interval,
      configuredIntervalMs: configured,
      blockedUntil,
      inFlight,
    }),
  };
}
