import { API_KEY_HEADER } from '../../../shared/api';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { systemNow, systemSleep } from './clock';
import { sliceBatch } from './pack';
import type { PackedBatch } from './pack';
import type { Permit } from './pacer';
import { parseRetryAfter, RETRY_AFTER_DEFAULT_MS } from './retry-after';
import {
  classifyNetworkError,
  fatalStatusMessage,
  maskSecret,
  readableServerMessage,
  refusedRequestMessage,
} from './send-messages';
import type { BatchOutcome, RetryReason, SendEvent, SenderOptions, Tally } from './send-types';

export type {
  BatchOutcome,
  FetchLike,
  RejectedRow,
  RetryReason,
  SendEvent,
  SenderOptions,
} from './send-types';

/**
 * Sends packed batches to the Track API, paced by `pacer`, following the sending rules of
 * docs/architecture.md:
 * - 2xx: accepted. 429: wait out Retry-After (through the pacer, which also slows down), resend the
 *   same bytes; not a failed attempt.
 * - 5xx, 408, timeouts and lost connections: retry after exponential backoff with full jitter, up to
 *   `maxAttempts` failures or `outageThresholdMs` of failing, then `unavailable` (the job pauses;
 *   nothing is dropped).
 * - Whether a failed request may have been processed: a refused connection, an unknown host or a
 *   refused certificate happened before sending (no); a timeout, reset or other socket error after
 *   connecting, a 502 or 504 (a gateway lost the answer), or a cancel mid-request may have been
 *   (unknown): those rows are reported in `possibleDuplicates`.
 * - 400 (and 413): split to isolate the refused events (see `isolate`).
 * - 401, 403, 404, 405, a redirect or any other status: `fatal`, nothing more is sent for the batch.
 */
export interface Sender {
  send(batch: PackedBatch, signal?: AbortSignal): Promise<BatchOutcome>;
}

/** 15 s, plus 1 s per started 100 KB of body: a 5 MB request gets 65 s. */
export function requestDeadlineMs(bytes: number): number {
  return 15_000 + Math.ceil(bytes / 100_000) * 1_000;
}

type Stop =
  | { kind: 'fatal'; status: number; message: string }
  | { kind: 'unavailable'; reason: RetryReason; message: string }
  | { kind: 'cancelled' };

type Delivery = { kind: 'accepted' } | { kind: 'bad_request'; message: string } | Stop;

const VALID_HEADER_VALUE = /^[\t\x20-\x7e]+$/;

export function createSender(options: SenderOptions): Sender {
  const { endpoint, apiKey, fetch, pacer, onEvent } = options;
  if (!VALID_HEADER_VALUE.test(apiKey) || apiKey.trim() !== apiKey) {
    // Said without the key: fetch's own error would quote it.
    throw new Error(
      'The API key is empty or contains spaces or characters that cannot be sent. Enter it again in Settings.',
    );
  }
  const now = options.now ?? systemNow;
  const sleep = options.sleep ?? systemSleep;
  const random = options.random ?? Math.random;
  const wallNow = options.wallNow ?? Date.now;
  const timeout = options.timeout ?? ((ms: number) => AbortSignal.timeout(ms));
  const maxAttempts = options.maxAttempts ?? 8;
  const outageThresholdMs = options.outageThresholdMs ?? 5 * 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const defaultRetryAfterMs = options.defaultRetryAfterMs ?? RETRY_AFTER_DEFAULT_MS;
  const headers = { 'Content-Type': 'application/json', [API_KEY_HEADER]: apiKey };
  const mask = (text: string) => maskSecret(text, apiKey);
  const emit = (event: SendEvent) => onEvent?.(event);

  async function deliver(part: PackedBatch, tally: Tally, signal?: AbortSignal): Promise<Delivery> {
    const who = { firstRow: part.rows[0] ?? 0, eventCount: part.eventCount };
    const deadline = requestDeadlineMs(part.bytes);
    const uncertain = () => tally.possibleDuplicates.push(...part.rows);
    let failures = 0;
    let attempt = 0;
    let failingSince: number | null = null;

    // After a failure without a usable answer: wait and retry, or give up.
    async function retryLater(reason: RetryReason, what: string): Promise<Stop | null> {
      failures += 1;
      failingSince ??= now();
      if (failures >= maxAttempts || now() - failingSince >= outageThresholdMs) {
        const elapsed = Math.round((now() - failingSince) / 1000);
        return {
          kind: 'unavailable',
          reason,
          message: mask(
            `Customerscore could not take the events after ${failures} attempts over ${elapsed} s: ${what}.`,
          ),
        };
      }
      const delayMs = backoffDelay(failures - 1, random, backoff);
      emit({ type: 'retry', ...who, reason, delayMs, until: now() + delayMs });
      try {
        await sleep(delayMs, signal);
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled' };
        throw error;
      }
      return null;
    }

    for (;;) {
      let permit: Permit;
      try {
        permit = await pacer.acquire(signal);
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled' };
        throw error;
      }
      attempt += 1;
      emit({ type: 'attempt', ...who, bytes: part.bytes, attempt, at: now() });
      const limit = timeout(deadline);
      let status: number;
      let body: string;
      let retryAfter: string | null;
      let date: string | null;
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: part.body,
          signal: signal ? AbortSignal.any([signal, limit]) : limit,
          // A redirect would carry the API key to wherever it points; stop instead.
          redirect: 'manual',
        });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        date = response.headers.get('date');
        body = await response.text().catch(() => '');
      } catch (error) {
        permit.release('failure');
        if (signal?.aborted) {
          uncertain();
          return { kind: 'cancelled' };
        }
        const failure = classifyNetworkError(error, deadline);
        if (failure.sent === 'unknown') uncertain();
        emit({ type: 'network_error', ...who, ...failure, at: now() });
        const stop = await retryLater('network', failure.description);
        if (stop) return stop;
        continue;
      }
      emit({ type: 'response', ...who, status, at: now() });

      if (status >= 200 && status < 300) {
        permit.release('success');
        return { kind: 'accepted' };
      }
      permit.release('failure');
      if (status === 429) {
        const wait = parseRetryAfter(retryAfter, date, wallNow(), defaultRetryAfterMs);
        pacer.penalize(wait.delayMs, permit.startedAt);
        failingSince = null;
        const until = pacer.state().blockedUntil;
        emit({
          type: 'retry',
          ...who,
          reason: 'rate_limited',
          delayMs: Math.max(0, until - now()),
          until,
        });
        continue;
      }
      if (status === 400 || status === 413) {
        return { kind: 'bad_request', message: mask(readableServerMessage(body, status)) };
      }
      if (status >= 500 || status === 408) {
        // A gateway that lost the upstream's answer cannot say whether the events were processed.
        if (status === 502 || status === 504) uncertain();
        const stop = await retryLater('server_error', `the server had a problem (HTTP ${status})`);
        if (stop) return stop;
        continue;
      }
      return { kind: 'fatal', status, message: fatalStatusMessage(status) };
    }
  }

  /**
   * `part` was refused as a whole with `message`: send its halves, recursively, until each refused
   * single event is a rejected row. `chain` is true while every part so far, on the path of first
   * halves from the top, failed together with its sibling with the batch's exact message: if that
   * holds down to two single events, the request itself is refused (e.g. a wrong tracker key), so we
   * stop. That costs at most 1 + 2 × 7 requests for 100 events, and one bad event among good ones
   * never triggers it (its sibling half is accepted).
   */
  async function isolate(
    part: PackedBatch,
    message: string,
    chain: boolean,
    tally: Tally,
    signal?: AbortSignal,
  ): Promise<Stop | null> {
    if (part.eventCount === 1) {
      tally.rejected.push({ row: part.rows[0] ?? 0, message });
      return null;
    }
    const middle = Math.ceil(part.eventCount / 2);
    const halves = [
      sliceBatch(part, 0, middle),
      sliceBatch(part, middle, part.eventCount),
    ] as const;
    emit({
      type: 'split',
      firstRow: part.rows[0] ?? 0,
      eventCount: part.eventCount,
      halves: [halves[0].eventCount, halves[1].eventCount],
      message,
    });
    const results: Delivery[] = [];
    for (const half of halves) {
      const result = await deliver(half, tally, signal);
      if (result.kind === 'accepted') tally.accepted.push(...half.rows);
      else if (result.kind !== 'bad_request') return result;
      results.push(result);
    }
    const same = (result: Delivery | undefined) =>
      result?.kind === 'bad_request' && result.message === message;
    if (chain && same(results[0]) && same(results[1])) {
      if (halves[0].eventCount === 1) {
        return { kind: 'fatal', status: 400, message: refusedRequestMessage(message) };
      }
      return (
        (await isolate(halves[0], message, true, tally, signal)) ??
        isolate(halves[1], message, false, tally, signal)
      );
    }
    for (const [index, result] of results.entries()) {
      if (result.kind !== 'bad_request') continue;
      const stop = await isolate(
        halves[index] as PackedBatch,
        result.message,
        false,
        tally,
        signal,
      );
      if (stop) return stop;
    }
    return null;
  }

  return {
    async send(batch, signal) {
      const tally: Tally = { accepted: [], rejected: [], possibleDuplicates: [] };
      const first = await deliver(batch, tally, signal);
      let stop: Stop | null = null;
      if (first.kind === 'accepted') tally.accepted.push(...batch.rows);
      else if (first.kind === 'bad_request')
        stop = await isolate(batch, first.message, true, tally, signal);
      else stop = first;

      const done = new Set([...tally.accepted, ...tally.rejected.map((item) => item.row)]);
      const result: Tally = {
        accepted: [...tally.accepted].sort((a, b) => a - b),
        rejected: [...tally.rejected].sort((a, b) => a.row - b.row),
        possibleDuplicates: [...new Set(tally.possibleDuplicates)].sort((a, b) => a - b),
      };
      if (!stop)
        return { kind: result.rejected.length > 0 ? 'rejected_rows' : 'accepted', ...result };
      return { ...stop, ...result, pending: batch.rows.filter((row) => !done.has(row)) };
    },
  };
}
