import type { AppApi, IpcChannel } from '../../shared/ipc';
import { ipcChannels, splitIpcChannel } from '../../shared/ipc';

/** Sends one request to the main process (`ipcRenderer.invoke` in the preload, a fake in tests). */
export type Invoke = (channel: IpcChannel, payload: unknown) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value of an `{ ok, value } | { ok: false, error }` envelope, or an Error with its message. */
function unwrap(channel: string, envelope: unknown): unknown {
  if (isRecord(envelope) && envelope['ok'] === true) return envelope['value'];
  if (isRecord(envelope) && envelope['ok'] === false && isRecord(envelope['error'])) {
    const message = envelope['error']['message'];
    throw new Error(typeof message === 'string' && message ? message : 'The request failed.');
  }
  throw new Error(`The app answered "${channel}" in an unexpected way.`);
}

/**
 * Builds `window.api` from the contract: one named function per request channel, grouped by domain
 * (`app:getInfo` -> `api.app.getInfo()`), all frozen. Each sends at most one payload and unwraps the
 * envelope, so the page sees values and plain-words Errors, never `ipcRenderer` or an IPC event.
 */
export function createApi(invoke: Invoke): AppApi {
  const domains = new Map<string, Record<string, (payload?: unknown) => Promise<unknown>>>();
  for (const channel of ipcChannels) {
    const { domain, verb } = splitIpcChannel(channel);
    const methods = domains.get(domain) ?? {};
    // A computed key names the function after the verb (handy in the page's dev tools).
    const named = {
      [verb]: async (payload?: unknown) => unwrap(channel, await invoke(channel, payload)),
    };
    methods[verb] = named[verb] as (payload?: unknown) => Promise<unknown>;
    domains.set(domain, methods);
  }
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of domains) api[domain] = Object.freeze(methods);
  // The runtime shape follows the same contract the AppApi type is derived from.
  return Object.freeze(api) as AppApi;
}
