import type { Page } from '@playwright/test';

/** What a hand-made WebSocket in the page saw: whether it opened, and the first reply if any. */
export interface SocketProbe {
  opened: boolean;
  reply: unknown;
}

/** The host's WebSocket address for a token (any token: tests forge wrong ones). */
export function hostSocketUrl(origin: string, token: string): string {
  return `${origin.replace(/^http:/, 'ws:')}/__host/ws?token=${encodeURIComponent(token)}`;
}

/**
 * Does what a forged client in the page would: opens a WebSocket to `url` and, once open, sends
 * `message` (JSON) and waits for the first reply. Resolves when a reply came or the socket closed.
 * Written as a string because the Node-side tsconfig has no DOM types.
 */
export async function probeSocket(
  page: Page,
  url: string,
  message?: unknown,
): Promise<SocketProbe> {
  const text = message === undefined ? null : JSON.stringify(message);
  return (await page.evaluate(`new Promise((resolve) => {
    const socket = new WebSocket(${JSON.stringify(url)});
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      const text = ${JSON.stringify(text)};
      if (text === null) socket.close();
      else socket.send(text);
    });
    socket.addEventListener('message', (event) => {
      resolve({ opened, reply: JSON.parse(event.data) });
      socket.close();
    });
    socket.addEventListener('close', () => resolve({ opened, reply: null }));
  })`)) as SocketProbe;
}

/** Calls `window.api.<expression>` in the page and reports the value or the error's message. */
export async function callApi(
  page: Page,
  expression: string,
): Promise<{ value: unknown } | { error: string }> {
  return (await page.evaluate(`Promise.resolve()
    .then(() => window.api.${expression})
    .then((value) => ({ value }), (error) => ({ error: String(error && error.message) }))`)) as
    { value: unknown } | { error: string };
}
