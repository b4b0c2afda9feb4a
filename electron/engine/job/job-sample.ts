import type { TrackEvent } from '../../../shared/api';
import type { SampleSent } from './job-types';

/**
 * "Send a sample first": counts the first `size` valid events of a new job, then says to stop
 * before the next one. Null size: no sample (a whole import, or a resume).
 */
export class SampleLimit {
  private left: number | null;
  private events = 0;
  private readonly customers = new Set<string>();
  private stoppedHere = false;

  constructor(size: number | null) {
    this.left = size;
  }

  /** True when the sample is out and this valid event must wait for the resume. */
  full(): boolean {
    if (this.left !== 0) return false;
    this.stoppedHere = true;
    return true;
  }

  /** Counts an event packed into the sample; true when it was the sample's last. */
  take(event: TrackEvent): boolean {
    if (this.left === null) return false;
    this.left -= 1;
    this.events += 1;
    this.customers.add(event.identification.customer);
    return this.left === 0;
  }

  get count(): number {
    return this.events;
  }

  /** What the sample sent, once the job stopped after it; null otherwise. */
  result(): SampleSent | null {
    return this.stoppedHere ? { events: this.events, customers: [...this.customers] } : null;
  }
}
