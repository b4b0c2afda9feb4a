import { z } from 'zod';
import { refusingProtoKey } from './safe-record';

// The Track API as documented in docs/track-api.txt (the source of truth).

/** Where events go unless the user sets another endpoint. */
export const TRACK_API_DEFAULT_ENDPOINT = 'https://api.customerscore.io/api/tracker/track';

/** The header that carries the API key (a secret: never logged, never shown). */
export const API_KEY_HEADER = 'customerscore-key';

/** "You can send multiple events (up to 100 events) in a single request." */
export const MAX_EVENTS_PER_REQUEST = 100;

/**
 * "Maximum request body size is limited to 5 MB." The doc does not say whether that is 5,000,000
 * or 5 × 1024 × 1024 bytes; 5,000,000 is below both readings, so a body we accept is accepted by
 * the server either way.
 */
export const MAX_BODY_BYTES = 5_000_000;

/** "Maximum of 200 requests per minute", answered with 429 and `Retry-After` seconds beyond it. */
export const RATE_LIMIT = { requests: 200, perMs: 60_000 } as const;

const notBlank = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .min(1, `${what} is empty.`)
    .regex(/\S/, `${what} is blank.`);

const attributesSchema = refusingProtoKey(
  z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])),
);

/**
 * One event as the API documents it. Objects are strict: the app only ever builds documented
 * requests, so an unexpected key is a bug to catch here rather than something to send.
 */
export const trackEventSchema = z.strictObject({
  name: notBlank('The event name'),
  /** Unix milliseconds. */
  timestamp: z.int({ error: 'The timestamp must be a whole number of Unix milliseconds.' }),
  identification: z.strictObject({
    customer: notBlank('The customer ID'),
    contact: notBlank('The contact ID').optional(),
  }),
  data: z
    .strictObject({
      customer: attributesSchema.optional(),
      contact: attributesSchema.optional(),
    })
    .optional(),
});
export type TrackEvent = z.infer<typeof trackEventSchema>;

/** A whole request body: 1 to 100 events, at most `MAX_BODY_BYTES` of JSON. */
export const trackRequestSchema = z
  .strictObject({
    trackerKey: notBlank('The tracker key'),
    events: z
      .array(trackEventSchema)
      .min(1, 'A request needs at least one event.')
      .max(MAX_EVENTS_PER_REQUEST, `A request can carry at most ${MAX_EVENTS_PER_REQUEST} events.`),
  })
  .refine((request) => requestBodyBytes(request) <= MAX_BODY_BYTES, {
    error: 'The request is larger than the 5 MB the API accepts.',
  });
export type TrackRequest = z.infer<typeof trackRequestSchema>;

/**
 * The number of bytes `text` takes in UTF-8. Counted by hand rather than encoded, so that measuring
 * a 5 MB body allocates nothing, and so that it runs the same in Node and in the page.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3; // the rest of the BMP; a lone surrogate is encoded as U+FFFD (3 bytes)
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The size in bytes of the body the app sends for `request` (its JSON, UTF-8). */
export function requestBodyBytes(request: unknown): number {
  // JSON.stringify gives undefined for undefined, whatever its types say.
  return utf8ByteLength((JSON.stringify(request) as string | undefined) ?? '');
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The outcome of checking an endpoint address typed by a person. */
export type EndpointCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Accepts only `https:` endpoints, or plain `http:` to this computer (127.0.0.1, localhost, [::1])
 * for testing: the API key travels in a header, so it must never cross a network unencrypted. The
 * host is compared after `URL` parsing, so look-alikes such as `localhost.evil.com` are refused.
 */
export function checkEndpoint(url: string): EndpointCheck {
  const text = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return {
      ok: false,
      message: `The endpoint must be a full web address starting with https://, e.g. ${TRACK_API_DEFAULT_ENDPOINT}.`,
    };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      ok: false,
      message:
        'The endpoint must not contain a user name or password: the API key is set separately.',
    };
  }
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href };
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) {
    return { ok: true, url: parsed.href };
  }
  return {
    ok: false,
    message:
      'The endpoint must start with https:// (plain http:// is allowed only for 127.0.0.1, localhost or [::1], for testing).',
  };
}

/** A string that passes `checkEndpoint`, for forms and IPC payloads. */
export const endpointSchema = z.string().superRefine((value, ctx) => {
  const result = checkEndpoint(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
});

/** What an HTTP status from the Track API means, in words for the person at the screen. */
export interface StatusDescription {
  title: string;
  advice: string;
}

const STATUS_WORDS: Readonly<Record<number, StatusDescription>> = {
  200: {
    title: 'Accepted',
    advice: 'The events were received and passed on for processing.',
  },
  400: {
    title: 'The server refused the request',
    advice:
      'Something in the request is not what the API expects, such as a missing field. The whole request was rejected; the server’s message says what.',
  },
  401: {
    title: 'API key not accepted',
    advice: 'The API key was missing or not accepted. Check the API key in Settings.',
  },
  403: {
    title: 'API key not allowed to send events',
    advice:
      'The API key was accepted but lacks permission to send events. Create a key with tracking permission in Customerscore’s API settings and enter it in Settings.',
  },
  405: {
    title: 'Wrong kind of request',
    advice:
      'The endpoint accepts only POST. Check the endpoint address in Settings: it normally ends in /api/tracker/track.',
  },
  429: {
    title: 'Too many requests',
    advice: `The API accepts ${RATE_LIMIT.requests} requests per minute. Wait the time the server asks for, then send again; imports slow down and retry by themselves.`,
  },
};

/** Plain words for a Track API response status, used by the UI and the CLI. */
export function describeStatus(status: number): StatusDescription {
  const known = STATUS_WORDS[status];
  if (known) return known;
  if (status >= 500 && status <= 599) {
    return {
      title: `The Customerscore server had a problem (HTTP ${status})`,
      advice: 'This is usually temporary. Try again in a few minutes.',
    };
  }
  return {
    title: `Unexpected response (HTTP ${status})`,
    advice:
      'The server answered in a way the Track API does not document. Check the endpoint address in Settings.',
  };
}
