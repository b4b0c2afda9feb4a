/** What came back from the emulator: a response, or the connection failed (reset, abort). */
export type Reply =
  | { kind: 'response'; status: number; message: string | null; headers: Headers }
  | { kind: 'failed'; error: string };

export interface SendOptions {
  key?: string | null;
  method?: string;
  contentType?: string | null;
  /** A raw body; otherwise `body` is sent as JSON. */
  raw?: string | Uint8Array;
  signal?: AbortSignal;
}

/** A small fetch wrapper for tests: never throws, so resets read as data. */
export async function send(url: string, body: unknown, options: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? 'test-key' : options.key;
  if (key !== null) headers['customerscore-key'] = key;
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const method = options.method ?? 'POST';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: hasBody ? (options.raw ?? JSON.stringify(body)) : undefined,
      signal: options.signal,
    });
    const text = await response.text();
    let message: string | null = null;
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch {
      message = null;
    }
    return { kind: 'response', status: response.status, message, headers: response.headers };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.name : String(error) };
  }
}

/** A valid event, with fields overridable per test. */
export function makeEvent(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'subscription_upgraded',
    timestamp: 1712123456789 + n,
    identification: { customer: `cus_${n}`, contact: `con_${n}` },
    data: { customer: { plan: 'gold' }, contact: { email: `p${n}@example.com` } },
    ...overrides,
  };
}

export function makeBody(count: number, trackerKey = 'CS-TEST1'): Record<string, unknown> {
  return { trackerKey, events: Array.from({ length: count }, (_, n) => makeEvent(n)) };
}
