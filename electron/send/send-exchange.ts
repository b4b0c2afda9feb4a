import { API_KEY_HEADER } from '../../shared/api';
import { RESPONSE_BODY_LIMIT } from '../../shared/send-history';
import type { NetworkFailure, SentResponse } from '../../shared/send-history';
import { parseRetryAfter } from '../engine/sending/retry-after';
import { classifyNetworkError, maskSecret } from '../engine/sending/send-messages';

/** The part of `fetch` the send service uses; the global `fetch` fits it. */
export type SendFetch = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
    redirect: 'manual';
  },
) => Promise<{
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface ExchangeOptions {
  fetch: SendFetch;
  endpoint: string;
  key: string;
  body: string;
  timeoutMs: number;
  /** Unix ms, for the end of a 429's wait. */
  wallNow: () => number;
}

/** What came back: the answer, or a plain-words reason why there was none. */
export type ExchangeResult = SentResponse | NetworkFailure;

function networkMessage(error: unknown, timeoutMs: number): string {
  const failure = classifyNetworkError(error, timeoutMs);
  const what = failure.description.charAt(0).toUpperCase() + failure.description.slice(1);
  const outcome =
    failure.sent === 'no'
      ? 'Nothing was sent.'
      : 'The request may have reached the server anyway, so sending again could record the events twice.';
  return `No answer from the server: ${what}. ${outcome} Check the endpoint in Settings and this computer's internet connection.`;
}

/**
 * Sends one request, once, with the headers the import engine uses. No retries: the person at the
 * screen decides. A redirect is not followed (it would carry the API key elsewhere); its status is
 * shown instead. Whatever the server says back is masked in case it echoes the key.
 */
export async function exchange(options: ExchangeOptions): Promise<ExchangeResult> {
  const { key } = options;
  try {
    const response = await options.fetch(options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [API_KEY_HEADER]: key },
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    // A connection lost halfway through the body still leaves the status worth showing.
    const text = maskSecret(await response.text().catch(() => ''), key);
    const retryAfter = response.headers.get('retry-after');
    const retryAt =
      response.status === 429
        ? options.wallNow() +
          parseRetryAfter(retryAfter, response.headers.get('date'), options.wallNow()).delayMs
        : null;
    return {
      kind: 'response',
      status: response.status,
      statusText: maskSecret(response.statusText, key),
      retryAfter: retryAfter === null ? null : maskSecret(retryAfter, key),
      retryAt,
      contentType: response.headers.get('content-type'),
      body: text.slice(0, RESPONSE_BODY_LIMIT),
      bodyTruncated: text.length > RESPONSE_BODY_LIMIT,
    };
  } catch (error) {
    return { kind: 'network_error', message: networkMessage(error, options.timeoutMs) };
  }
}
