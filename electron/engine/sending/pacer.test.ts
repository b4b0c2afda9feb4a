import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createPacer } from './pacer';
import type { Permit } from './pacer';
import { createFakeClock } from '../testing/fake-clock';

function setup(options: { requests?: number; perMs?: number; maxInFlight?: number } = {}) {
  const clock = createFakeClock(0);
  const pacer = createPacer({
    requests: 200,
    perMs: 60_000,
    headroom: 0,
    ...options,
    now: clock.now,
    sleep: clock.sleep,
  });
  return { clock, pacer };
}

describe('createPacer', () => {
  it('spaces request starts evenly at the quota, with no initial burst', async () => {
    const { clock, pacer } = setup();
    const starts: number[] = [];
    const run = async () => {
      for (let i = 0; i < 50; i += 1) {
        const permit = await pacer.acquire();
        starts.push(permit.startedAt);
        permit.release('success');
      }
    };
    await clock.run(run());
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(new Set(gaps)).toEqual(new Set([300]));
    expect((starts.at(-1) as number) - (starts[0] as number)).toBe(49 * 300);
  });

  it('adds the headroom to the interval', () => {
    const pacer = createPacer({ requests: 200, perMs: 2_000 });
    expect(pacer.state().intervalMs).toBeCloseTo(10.2);
  });

  it('keeps the average rate when timers fire late, without bunching starts', async () => {
    const clock = createFakeClock(0);
    const pacer = createPacer({
      requests: 100,
      perMs: 1_000,
      headroom: 0,
      now: clock.now,
      sleep: (ms, signal) => clock.sleep(ms + 3, signal),
    });
    const starts: number[] = [];
    const run = async () => {
      for (let i = 0; i < 101; i += 1) {
        const permit = await pacer.acquire();
        starts.push(permit.startedAt);
        permit.release('success');
      }
    };
    await clock.run(run());
    const span = (starts.at(-1) as number) - (starts[0] as number);
    expect(span).toBeLessThanOrEqual(100 * 10 + 3);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5);
  });

  it('catches up at most two intervals after a stall', async () => {
    const clock = createFakeClock(0);
    let sleeps = 0;
    const pacer = createPacer({
      requests: 100,
      perMs: 1_000,
      headroom: 0,
      now: clock.now,
      // The second wait overshoots by 35 ms, as when the event loop is busy.
      sleep: (ms, signal) => clock.sleep(ms + ((sleeps += 1) === 2 ? 35 : 0), signal),
    });
    const starts: number[] = [];
    const run = async () => {
      for (let i = 0; i < 8; i += 1) {
        const permit = await pacer.acquire();
        starts.push(permit.startedAt);
        permit.release('success');
      }
    };
    await clock.run(run());
    // The slot at 20 started at 55; the slots at 30 and 40 follow at once; 50 is lost.
    expect(starts).toEqual([0, 10, 55, 55, 55, 65, 75, 85]);
  });

  it('never has more requests open than allowed', async () => {
    const { clock, pacer } = setup({ maxInFlight: 2 });
    const open: Permit[] = [];
    let maxOpen = 0;
    const worker = async () => {
      for (let i = 0; i < 5; i += 1) {
        const permit = await pacer.acquire();
        open.push(permit);
        maxOpen = Math.max(maxOpen, pacer.state().inFlight);
        // Each request takes 1 s: far longer than the 300 ms interval.
        await clock.sleep(1_000);
        open.splice(open.indexOf(permit), 1);
        permit.release('success');
      }
    };
    await clock.run(Promise.all([worker(), worker(), worker()]));
    expect(maxOpen).toBe(2);
    // 15 requests, 2 at a time, 1 s each.
    expect(clock.now()).toBeGreaterThanOrEqual(7_000);
  });

  it('starts nothing before the Retry-After has passed, then goes slower', async () => {
    const { clock, pacer } = setup();
    const first = await clock.run(pacer.acquire());
    first.release('failure');
    pacer.penalize(5_000, first.startedAt);
    expect(pacer.state().intervalMs).toBe(375);
    const second = await clock.run(pacer.acquire());
    expect(second.startedAt).toBe(first.startedAt + 5_000);
    second.release('success');
    const third = await clock.run(pacer.acquire());
    expect(third.startedAt - second.startedAt).toBe(375);
  });

  it('slows down once for requests already under way when the 429 came', async () => {
    const { clock, pacer } = setup();
    const a = await clock.run(pacer.acquire());
    const b = await clock.run(pacer.acquire());
    pacer.penalize(1_000, b.startedAt);
    pacer.penalize(1_000, a.startedAt);
    expect(pacer.state().intervalMs).toBe(375);
  });

  it('recovers the configured rate after a streak of successes', async () => {
    const { clock, pacer } = setup();
    pacer.penalize(1_000);
    const run = async () => {
      for (let i = 0; i < 60; i += 1) (await pacer.acquire()).release('success');
    };
    await clock.run(run());
    expect(pacer.state().intervalMs).toBe(300);
  });

  it('gives up waiting when cancelled, and lets the next caller through', async () => {
    const { clock, pacer } = setup({ maxInFlight: 1 });
    const held = await clock.run(pacer.acquire());
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    const next = pacer.acquire();
    await clock.settle();
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    held.release('success');
    const permit = await clock.run(next);
    expect(permit.startedAt).toBe(held.startedAt + 300);
    expect(pacer.state().inFlight).toBe(1);
  });

  it('can be cancelled while waiting for its time slot', async () => {
    const { clock, pacer } = setup();
    (await clock.run(pacer.acquire())).release('success');
    pacer.penalize(60_000);
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    await clock.settle();
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('keeps any window of the period within the quota plus the catch-up, whatever the delays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        async (lateness, holds, workers) => {
          const clock = createFakeClock(0);
          let late = 0;
          const pacer = createPacer({
            requests: 10,
            perMs: 100,
            headroom: 0,
            maxInFlight: 4,
            now: clock.now,
            sleep: (ms, signal) =>
              clock.sleep(ms + (lateness[(late += 1) % lateness.length] ?? 0), signal),
          });
          const starts: number[] = [];
          let held = 0;
          const worker = async () => {
            while (starts.length < 60) {
              const permit = await pacer.acquire();
              starts.push(permit.startedAt);
              await clock.sleep(holds[(held += 1) % holds.length] ?? 0);
              permit.release('success');
            }
          };
          await clock.run(Promise.all(Array.from({ length: workers }, worker)));
          for (const from of starts) {
            const inWindow = starts.filter((t) => t >= from && t < from + 100).length;
            expect(inWindow).toBeLessThanOrEqual(10 + 3);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
