/**
 * Plain words for what can go wrong while sending, and the rule for whether a failed request may
 * still have reached the server (so that its events may arrive twice when it is retried).
 */

/** Whether a request that failed without an HTTP answer may have been processed anyway. */
export type SentState = 'no' | 'unknown';

export interface NetworkFailure {
  sent: SentState;
  /** Plain words, e.g. "the server refused the connection"; never contains the error's own text. */
  description: string;
}

// Failures while connecting, before a byte of the request left this computer: the server cannot
// have processed it. Every other failure (a reset, a timeout, a socket closed mid-answer) happened
// after the connection was established, so the body may have been received: outcome unknown.
const NOT_SENT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the server refused the connection',
  ENOTFOUND:
    'the server’s name could not be found (check the endpoint and the internet connection)',
  EAI_AGAIN: 'the server’s name could not be looked up (check the internet connection)',
  ENETUNREACH: 'the network is unreachable (check the internet connection)',
  EHOSTUNREACH: 'the server is unreachable (check the internet connection)',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
};

const UNKNOWN: Readonly<Record<string, string>> = {
  ECONNRESET: 'the connection was lost',
  EPIPE: 'the connection was lost',
  UND_ERR_SOCKET: 'the connection was closed by the other side',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server did not finish its answer in time',
};

function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  const own = typeof record.code === 'string' ? [record.code] : [];
  const name = record.name === 'TimeoutError' ? ['TimeoutError'] : [];
  const nested = Array.isArray(record.errors)
    ? record.errors.flatMap((inner: unknown) => errorCodes(inner, depth + 1))
    : [];
  return [...name, ...own, ...nested, ...errorCodes(record.cause, depth + 1)];
}

function isTlsCode(code: string): boolean {
  return /^(CERT_|ERR_TLS_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY))/.test(code);
}

/** Classifies an exception thrown by `fetch` (undici wraps the socket error in `cause`). */
export function classifyNetworkError(error: unknown, deadlineMs: number): NetworkFailure {
  const codes = errorCodes(error);
  if (codes.includes('TimeoutError')) {
    return {
      sent: 'unknown',
      description: `the server did not answer within ${Math.round(deadlineMs / 1000)} s`,
    };
  }
  for (const code of codes) {
    const notSent = NOT_SENT[code];
    if (notSent) return { sent: 'no', description: notSent };
    if (isTlsCode(code)) {
      return { sent: 'no', description: `the server’s certificate was not accepted (${code})` };
    }
  }
  for (const code of codes) {
    const unknown = UNKNOWN[code];
    if (unknown) return { sent: 'unknown', description: unknown };
  }
  const code = codes.find((item) => /^[A-Z_]+$/.test(item));
  return {
    sent: 'unknown',
    description: code ? `the connection failed (${code})` : 'the connection failed',
  };
}

const MESSAGE_LIMIT = 300;

/**
 * The server's explanation from a response body, readable: the `message` or `error` field of a JSON
 * body, else the text itself, on one line, at most ~300 characters.
 */
export function readableServerMessage(body: string, status: number): string {
  let text = body.trim();
  try {
    const parsed: unknown = JSON.parse(text);
    const pick = (value: unknown): string | null => {
      if (typeof value === 'string') return value;
      if (typeof value === 'object' && value !== null) {
        const record = value as Record<string, unknown>;
        return pick(record.message) ?? pick(record.error);
      }
      return null;
    };
    text = pick(parsed) ?? text;
  } catch {
    // Not JSON: the text is the message.
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return `The server refused the request (HTTP ${status}) without saying why.`;
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}…` : text;
}

/** Why the job has to stop after this status, in words that say what to fix. */
export function fatalStatusMessage(status: number): string {
  switch (status) {
    case 401:
      return 'The API key was not accepted (401). Check the API key in Settings or CUSTOMERSCORE_KEY.';
    case 403:
      return 'The API key is not allowed to send events (403). Use a key with tracking permission: check the API key in Settings or CUSTOMERSCORE_KEY.';
    case 404:
      return 'Nothing answers at the endpoint address (404). Check the endpoint in Settings; it normally ends in /api/tracker/track.';
    case 405:
      return 'The endpoint accepts only POST (405). Check the endpoint address in Settings; it normally ends in /api/tracker/track.';
    default:
      if (status >= 300 && status < 400) {
        return `The endpoint redirects elsewhere (HTTP ${status}); the API key is not sent after a redirect. Enter the final address in Settings.`;
      }
      return `The server answered in a way the Track API does not document (HTTP ${status}). Check the endpoint in Settings.`;
  }
}

/** The message for a 400 that every part of the batch got: the request is refused, not a row. */
export function refusedRequestMessage(serverMessage: string): string {
  return `The server refused the request itself, not a particular row (HTTP 400): “${serverMessage}”. Check the tracker key and the endpoint in Settings.`;
}

/** Replaces every occurrence of the API key (a server might echo it) with a mask. */
export function maskSecret(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('••••');
}
