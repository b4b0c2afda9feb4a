import type { TrackEvent } from '../../../shared/api';
import type { Now } from '../sending/clock';
import type { FetchLike } from '../sending/sender';

export interface FakeRequest {
  at: number;
  url: string;
  headers: Record<string, string>;
  body: { trackerKey: string; events: TrackEvent[] };
  rawBody: Uint8Array;
  signal: AbortSignal;
}

/** An HTTP answer, or an exception to throw as `fetch` would. */
export type FakeReply = { status: number; headers?: Record<string, string>; body?: string } | Error;

export interface FakeFetch {
  fetch: FetchLike;
  requests: FakeRequest[];
  /** The most requests that were open at the same moment. */
  maxOpen(): number;
}

const decoder = new TextDecoder();

/** A `fetch` that hands each request to `handler` (which may sleep on the fake clock) and records it. */
export function createFakeFetch(
  now: Now,
  handler: (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>,
): FakeFetch {
  const requests: FakeRequest[] = [];
  let open = 0;
  let maxOpen = 0;
  const fetch: FetchLike = async (url, init) => {
    const request: FakeRequest = {
      at: now(),
      url,
      headers: init.headers,
      body: JSON.parse(decoder.decode(init.body)) as FakeRequest['body'],
      rawBody: init.body,
      signal: init.signal,
    };
    requests.push(request);
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    try {
      const reply = await handler(request, requests.length - 1);
      if (reply instanceof Error) throw reply;
      const headers = new Headers(reply.headers ?? {});
      return { status: reply.status, headers, text: async () => reply.body ?? '' };
    } finally {
      open -= 1;
    }
  };
  return { fetch, requests, maxOpen: () => maxOpen };
}

/** The exception undici's fetch throws for a socket error with this code. */
export function networkError(code: string): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`${code} 127.0.0.1:1`), { code }),
  });
}

/** The exception fetch throws when its AbortSignal.timeout fires. */
export function timeoutError(): Error {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}
