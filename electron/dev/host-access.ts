import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_PARAM } from './host-protocol';

/** A fresh access token: 32 random bytes as hex. The host prints it inside the page URL. */
export function createHostToken(): string {
  return randomBytes(32).toString('hex');
}

function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  // Constant time, so the answer's timing says nothing about how much of a guess was right.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a call to the host was refused, or `ok`. */
export type HostAccess = 'ok' | 'bad_token' | 'bad_origin';

/**
 * Whether a call to a protected host endpoint (the socket, uploads) may proceed: the query must
 * carry the host's token, and the `Origin` header must be the host's own origin, so a page of any
 * other site (which a browser lets open WebSockets anywhere) is refused even if it learned the token.
 */
export function checkHostAccess(
  request: { url?: string | undefined; headers: IncomingHttpHeaders },
  host: { token: string; origin: string },
): HostAccess {
  let token: string | null;
  try {
    token = new URL(request.url ?? '/', host.origin).searchParams.get(TOKEN_PARAM);
  } catch {
    return 'bad_token';
  }
  if (!tokenMatches(host.token, token)) return 'bad_token';
  return request.headers.origin === host.origin ? 'ok' : 'bad_origin';
}

/** The HTTP status and plain-words message for a refused call. */
export function describeRefusal(access: Exclude<HostAccess, 'ok'>): {
  status: number;
  message: string;
} {
  return access === 'bad_token'
    ? {
        status: 401,
        message:
          'Refused: the access token is missing or wrong. Open the exact address the browser host printed.',
      }
    : { status: 403, message: "Refused: this request does not come from the host's own page." };
}
