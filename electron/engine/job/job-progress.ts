import type { JobPhase, JobProgress } from '../../../shared/job-progress';
import type { Now } from '../sending/clock';

const RATE_WINDOW_MS = 10_000;

/** Keeps the counts of a job and derives rate, time left and the phase's words. */
export class ProgressTracker {
  readonly value: JobProgress;
  private samples: { at: number; sent: number }[] = [];
  private waitUntil: number | null = null;

  constructor(
    private readonly now: Now,
    fileSize: number,
  ) {
    this.value = {
      jobId: null,
      phase: 'preparing',
      message: 'Reading the file…',
      rowsRead: 0,
      bytesRead: 0,
      fileSize,
      eventsSent: 0,
      rejectedRows: 0,
      rejectedByServer: 0,
      retries: 0,
      requests: 0,
      possibleDuplicates: 0,
      alreadySent: 0,
      maybeSentBefore: 0,
      eventsPerSecond: 0,
      etaSeconds: null,
      waitSeconds: null,
    };
  }

  setPhase(phase: JobPhase, message: string, waitUntil: number | null = null): void {
    this.value.phase = phase;
    this.value.message = message;
    this.waitUntil = waitUntil;
  }

  /** Back to plain sending unless paused or finished. */
  resumeSending(): void {
    if (this.value.phase === 'waiting_rate_limit' || this.value.phase === 'retrying') {
      this.setPhase('sending', 'Sending events…');
    }
  }

  /** A fresh snapshot with rate, ETA and wait time computed for this moment. */
  snapshot(): JobProgress {
    const at = this.now();
    this.samples.push({ at, sent: this.value.eventsSent });
    while (this.samples.length > 2 && (this.samples[0]?.at ?? at) < at - RATE_WINDOW_MS) {
      this.samples.shift();
    }
    const first = this.samples[0];
    const span = first ? at - first.at : 0;
    const rate = first && span >= 1000 ? ((this.value.eventsSent - first.sent) * 1000) / span : 0;
    this.value.eventsPerSecond = Math.round(rate);
    this.value.etaSeconds = this.estimateEta(rate);
    this.value.waitSeconds =
      this.waitUntil === null ? null : Math.max(0, Math.ceil((this.waitUntil - at) / 1000));
    if (this.value.waitSeconds !== null && this.value.phase === 'waiting_rate_limit') {
      this.value.message = `Waiting ${this.value.waitSeconds} s: the server's rate limit`;
    }
    return { ...this.value };
  }

  /**
   * Events still to send are estimated from the share of the file read so far: rows are about
   * evenly sized in a spreadsheet export, and the whole file is never counted up front.
   */
  private estimateEta(rate: number): number | null {
    const { bytesRead, fileSize, eventsSent, rowsRead, rejectedRows } = this.value;
    if (rate <= 0 || bytesRead <= 0 || rowsRead <= 0) return null;
    const validShare = Math.max(0, rowsRead - rejectedRows) / rowsRead;
    const estimatedEvents = (rowsRead * Math.max(fileSize, bytesRead) * validShare) / bytesRead;
    const left = Math.max(0, estimatedEvents - eventsSent);
    return Math.ceil(left / rate);
  }
}
