import type { Now, Sleep } from '../sending/clock';

/**
 * A clock for tests: time moves only when everything else is waiting on it. `run(promise)` lets the
 * code under test work until it sleeps, then jumps to the earliest timer, and repeats until the
 * promise settles, so a test of a minute of pacing takes milliseconds and never depends on timing.
 */
export interface FakeClock {
  now: Now;
  sleep: Sleep;
  run<T>(promise: Promise<T>): Promise<T>;
  /** Lets pending work run without moving time. */
  settle(): Promise<void>;
  /** Moves time forward by `ms`, firing the timers that fall due on the way. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export function createFakeClock(start = 1_000): FakeClock {
  let time = start;
  let seq = 0;
  let timers: Timer[] = [];

  const settle = async () => {
    for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  const earliest = (): Timer | undefined =>
    timers.reduce<Timer | undefined>(
      (best, timer) =>
        !best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)
          ? timer
          : best,
      undefined,
    );

  const fireNext = (): boolean => {
    const next = earliest();
    if (!next) return false;
    timers = timers.filter((timer) => timer !== next);
    time = Math.max(time, next.at);
    next.fire();
    return true;
  };

  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = () => {
        timers = timers.filter((timer) => timer !== entry);
        reject(signal?.reason as Error);
      };
      const entry: Timer = {
        at: time + Math.max(0, ms),
        seq: (seq += 1),
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      timers.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  return {
    now: () => time,
    sleep,
    settle,
    pendingTimers: () => timers.length,
    async advance(ms) {
      const until = time + ms;
      for (;;) {
        await settle();
        const next = earliest();
        if (!next || next.at > until) break;
        fireNext();
      }
      time = until;
    },
    async run(promise) {
      // Set in a callback, which TypeScript's flow analysis cannot see.
      let settled = false as boolean;
      const watched = promise.finally(() => {
        settled = true;
      });
      // Handled here so that Node does not report it while time is still being advanced.
      watched.catch(() => undefined);
      for (;;) {
        await settle();
        if (settled) return watched;
        if (!fireNext()) throw new Error('Deadlock: the code waits for something other than time.');
      }
    },
  };
}
