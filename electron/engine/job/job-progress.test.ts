import { describe, expect, it } from 'vitest';
import { jobProgressSchema } from '../../../shared/job-progress';
import { ProgressTracker } from './job-progress';

describe('ProgressTracker', () => {
  it('snapshots exactly the shape the import screen receives', () => {
    let at = 0;
    const tracker = new ProgressTracker(() => at, 1000);
    tracker.setPhase('sending', 'Sending events…');
    tracker.value.rowsRead = 10;
    tracker.value.bytesRead = 100;
    tracker.snapshot();
    at = 2000;
    tracker.value.eventsSent = 10;
    tracker.setPhase('waiting_rate_limit', "Waiting: the server's rate limit", 5000);
    const snapshot = tracker.snapshot();

    expect(Object.keys(snapshot).sort()).toEqual(Object.keys(jobProgressSchema.shape).sort());
    expect(jobProgressSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({
      phase: 'waiting_rate_limit',
      message: "Waiting 3 s: the server's rate limit",
      eventsPerSecond: 5,
      etaSeconds: 18,
      waitSeconds: 3,
    });
  });
});
