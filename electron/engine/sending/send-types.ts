import type { BackoffOptions } from './backoff';
import type { Now, Sleep } from './clock';
import type { Pacer } from './pacer';
import type { SentState } from './send-messages';

// The sender's contract with the import job: its options, what it reports and what it returns.

/** The part of `fetch` the sender uses; the global `fetch` fits it. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: Uint8Array;
    signal: AbortSignal;
    redirect: 'manual';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export type RetryReason = 'rate_limited' | 'server_error' | 'network';

/** What the sender reports as it works. `at` and `until` are on the sender's monotonic clock. */
export type SendEvent =
  | {
      type: 'attempt';
      firstRow: number;
      eventCount: number;
      bytes: number;
      attempt: number;
      at: number;
    }
  | { type: 'response'; firstRow: number; eventCount: number; status: number; at: number }
  | {
      type: 'network_error';
      firstRow: number;
      eventCount: number;
      sent: SentState;
      description: string;
      at: number;
    }
  | {
      type: 'retry';
      firstRow: number;
      eventCount: number;
      reason: RetryReason;
      delayMs: number;
      until: number;
    }
  | {
      type: 'split';
      firstRow: number;
      eventCount: number;
      halves: [number, number];
      message: string;
    };

export interface RejectedRow {
  row: number;
  message: string;
}

/**
 * Rows of the batch so far. `possibleDuplicates` are rows sent at least once in a request whose
 * outcome is unknown (a timeout or lost connection after sending, a 502/504, a cancel mid-request):
 * when they are accepted later, or resent after a pause, the server may hold them twice.
 */
export interface Tally {
  accepted: number[];
  rejected: RejectedRow[];
  possibleDuplicates: number[];
}

/**
 * The result of one `send`. `accepted`: every row arrived. `rejected_rows`: the batch was refused
 * with 400 and split; `rejected` rows carry the server's message, the rest arrived. The other kinds
 * stop the job; `pending` rows were not confirmed and must be sent again on resume.
 */
export type BatchOutcome =
  | ({ kind: 'accepted' } & Tally)
  | ({ kind: 'rejected_rows' } & Tally)
  | ({ kind: 'fatal'; status: number; message: string; pending: number[] } & Tally)
  | ({ kind: 'unavailable'; reason: RetryReason; message: string; pending: number[] } & Tally)
  | ({ kind: 'cancelled'; pending: number[] } & Tally);

export interface SenderOptions {
  endpoint: string;
  apiKey: string;
  fetch: FetchLike;
  pacer: Pacer;
  now?: Now;
  sleep?: Sleep;
  random?: () => number;
  /** This computer's clock in Unix ms, for a Retry-After date when the response has no Date. */
  wallNow?: () => number;
  /** Builds the per-request deadline signal; replaced in tests. */
  timeout?: (ms: number) => AbortSignal;
  /** Failed attempts (5xx, network) of one request before giving up; 429s do not count. */
  maxAttempts?: number;
  /** Give up once a request has failed without a usable answer for this long. */
  outageThresholdMs?: number;
  backoff?: BackoffOptions;
  defaultRetryAfterMs?: number;
  onEvent?: (event: SendEvent) => void;
}
