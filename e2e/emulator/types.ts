/** One event as the emulator accepted it (validated against the documented shape). */
export interface EmulatedEvent {
  name: string;
  timestamp: number;
  identification: { customer: string; contact?: string };
  data?: { customer?: Record<string, unknown>; contact?: Record<string, unknown> };
}

/** An accepted event with the tracker key of its request, in arrival order. */
export interface ReceivedEvent {
  trackerKey: string;
  event: EmulatedEvent;
  /** `RequestRecord.id` of the request that carried it. */
  requestId: number;
}

/**
 * How the `customerscore-key` header was judged. The key itself is never kept: a test that needs
 * to know which key was used configures distinct keys and reads this classification.
 */
export type KeyVerdict = 'valid' | 'forbidden' | 'invalid' | 'missing';

/**
 * What happened to a request. `answered`: a response went out (see `status`). `reset-before`: the
 * socket was destroyed before anything was recorded. `reset-after`: the events WERE recorded, then
 * the socket was destroyed (the client cannot know). `hang`: no answer, ever.
 */
export type RequestOutcome = 'answered' | 'reset-before' | 'reset-after' | 'hang';

/** One line of the request log: every request, whatever became of it. */
export interface RequestRecord {
  id: number;
  /** Arrival time, by the emulator's clock (ms). */
  at: number;
  method: string;
  path: string;
  key: KeyVerdict;
  /** The status sent, or null when no response was sent (resets, hangs). */
  status: number | null;
  outcome: RequestOutcome;
  /** Length of the body's `events` array when the body parsed, else 0. */
  events: number;
  /** Body bytes received (counted even past the size cap, which are read and discarded). */
  bytes: number;
  /** The fault applied, if any. */
  fault: FaultName | null;
  latencyMs: number;
  /** The `message` of an error response. */
  message: string | null;
}

export type FaultName = 'serverError' | 'resetBefore' | 'resetAfter' | 'hang' | 'tooManyRequests';

/** One scripted fault for the next request; `ok` means "no fault" (normal processing). */
export interface FaultStep {
  fault: FaultName | 'ok';
  /** For `serverError` (default 503). */
  status?: number;
  /** For `serverError` (default none) and `tooManyRequests` (default 1). */
  retryAfterSeconds?: number;
  latencyMs?: number;
}

/**
 * Random faults, each a probability (0..1) per request, drawn with the emulator's seeded random so
 * a run is reproducible. Their sum must be at most 1. Scripted steps take precedence.
 */
export interface FaultSettings {
  serverError?: number;
  resetBefore?: number;
  resetAfter?: number;
  hang?: number;
  /** Status of random server errors (default 503). */
  serverErrorStatus?: number;
  /** `Retry-After` on random server errors (default: no header). */
  serverErrorRetryAfterSeconds?: number;
  /** Delay added before every answer: a fixed time or a uniformly drawn one. */
  latencyMs?: number | { min: number; max: number };
}

/** A 429 storm: every request is answered 429 until it ends (by time, by count, or `stopStorm`). */
export interface StormSettings {
  forMs?: number;
  forRequests?: number;
  retryAfterSeconds?: number;
}

export interface RateLimitSettings {
  requests: number;
  perMs: number;
}

/** Returns a message to reject the whole request with (400), or null to accept the event. */
export type RejectEvent = (event: EmulatedEvent, index: number) => string | null;

export interface EmulatorOptions {
  /** Default 0: a free port picked by the OS. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `/api/tracker/track`, as documented. */
  path?: string;
  /** API keys accepted (default `['test-key']`). */
  apiKeys?: readonly string[];
  /** API keys that are known but lack permission: answered 403. */
  forbiddenKeys?: readonly string[];
  /** Tracker keys that exist (default `['CS-TEST1']`). */
  trackerKeys?: readonly string[];
  /** Default 200 requests per 60 s, per API key; null turns rate limiting off. */
  rateLimit?: RateLimitSettings | null;
  /** Default 5,000,000 bytes (the strict reading of the documented "5 MB"). */
  maxBodyBytes?: number;
  /** Default 100, as documented. */
  maxEvents?: number;
  rejectEvent?: RejectEvent | null;
  faults?: FaultSettings;
  /** Seed of the random that draws faults (default 1). */
  seed?: number;
  /** The clock for the rate limiter, storms and the request log (default `Date.now`). */
  now?: () => number;
  /** How latency is waited out (default `setTimeout`); tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  /** Called once a request's fate is settled (answered, reset or hanging), e.g. to log it. */
  onRequest?: (record: RequestRecord) => void;
}

export interface Emulator {
  /** The track endpoint, e.g. `http://127.0.0.1:40123/api/tracker/track`. */
  readonly url: string;
  readonly port: number;
  /** Every accepted event, in arrival order. */
  readonly received: readonly ReceivedEvent[];
  /** Every request, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Forgets received events, the request log, rate-limit windows, scripts and storms; restores the faults given at start. */
  reset(): void;
  /** Replaces the random fault settings. */
  setFaults(faults: FaultSettings): void;
  /** Queues faults for the next requests, one per request, before random faults apply again. */
  script(...steps: readonly (FaultStep | FaultStep['fault'])[]): void;
  startStorm(storm?: StormSettings): void;
  stopStorm(): void;
  setRejectEvent(rejectEvent: RejectEvent | null): void;
  close(): Promise<void>;
}
