import type {
  AppApi,
  FileLike,
  IpcChannel,
  IpcError,
  IpcEventChannel,
  RegisteredFile,
  Unsubscribe,
} from '../../shared/ipc';
import {
  ApiError,
  fileRegisterChannel,
  ipcChannels,
  ipcErrorCodeSchema,
  ipcEventChannels,
  ipcEventMethod,
  registeredFileSchema,
  splitIpcChannel,
} from '../../shared/ipc';
import { FILE_NOT_ON_DISK } from '../../shared/ipc-file';

/** Sends one request to the main process (`ipcRenderer.invoke` in the preload, a fake in tests). */
export type Invoke = (channel: IpcChannel, payload: unknown) => Promise<unknown>;

/**
 * Listens to one event channel and hands the listener the payload alone (`ipcRenderer.on` with the
 * `IpcRendererEvent` dropped in the preload, the host's socket in the browser host).
 */
export type Subscribe = (
  channel: IpcEventChannel,
  listener: (payload: unknown) => void,
) => Unsubscribe;

/**
 * Hands a file the page holds to the main process and answers the `{ ok, value: { handle, name } }`
 * envelope: in Electron over the preload's own channel (`registerByPath`), in the browser host by
 * uploading it. The page gets only the handle.
 */
export type RegisterFile = (file: FileLike) => Promise<unknown>;

/** The path on disk of a file the page holds (`webUtils.getPathForFile` in the preload). */
export type GetPathForFile = (file: FileLike) => string;

/** What `createApi` builds on besides `invoke`. */
export interface ApiBridge {
  subscribe?: Subscribe;
  registerFile?: RegisterFile;
  /** The channels to expose: the contract's by default (tests pass their own). */
  channels?: { requests: readonly IpcChannel[]; events: readonly IpcEventChannel[] };
  /**
   * Reject with the failure as plain data (`{ name: 'ApiError', code, message }`) rather than as an
   * `ApiError`: Electron's contextBridge copies only the message of an Error it hands to the page,
   * and would drop the code. The page's `callApi` turns the data back into an `ApiError`.
   */
  failuresAsData?: boolean;
}

type Method = (...args: never[]) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value of an `{ ok, value } | { ok: false, error }` envelope, or the failure in it. */
function unwrap(channel: string, envelope: unknown): { value: unknown } | { failure: IpcError } {
  if (isRecord(envelope) && envelope['ok'] === true) return { value: envelope['value'] };
  if (isRecord(envelope) && envelope['ok'] === false && isRecord(envelope['error'])) {
    const { code, message } = envelope['error'];
    const known = ipcErrorCodeSchema.safeParse(code);
    return {
      failure: {
        code: known.success ? known.data : 'internal',
        message: typeof message === 'string' && message ? message : 'The request failed.',
      },
    };
  }
  return {
    failure: { code: 'internal', message: `The app answered "${channel}" in an unexpected way.` },
  };
}

/** The failure to reject with: plain data across the context bridge, else an `ApiError`. */
function rejection(failure: IpcError, failuresAsData: boolean): unknown {
  // Plain data, not an Error, on purpose: it crosses the context bridge whole (`failuresAsData`).
  if (failuresAsData) return Object.freeze({ name: 'ApiError', ...failure });
  return new ApiError(failure);
}

function requestMethod(channel: IpcChannel, invoke: Invoke, failuresAsData: boolean) {
  return async (payload?: unknown): Promise<unknown> => {
    const answer = unwrap(channel, await invoke(channel, payload));
    if ('value' in answer) return answer.value;
    throw rejection(answer.failure, failuresAsData);
  };
}

function addMethod(
  domains: Map<string, Record<string, Method>>,
  domain: string,
  name: string,
  method: Method,
): void {
  const methods = domains.get(domain) ?? {};
  if (name in methods) throw new Error(`window.api.${domain}.${name} is defined twice.`);
  // Named after the method, which is handy in the page's dev tools.
  methods[name] = Object.defineProperty(method, 'name', { value: name });
  domains.set(domain, methods);
}

function listenerMethod(channel: IpcEventChannel, subscribe: Subscribe | undefined) {
  return (listener: unknown): Unsubscribe => {
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    if (!subscribe) throw new Error('This window does not receive events from the app.');
    // Only the payload is passed on, whatever the transport hands over.
    const stop = subscribe(channel, (payload) => (listener as (value: unknown) => void)(payload));
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      stop();
    };
  };
}

/**
 * Electron's `RegisterFile`: finds the file's path in the preload and sends it to the main process
 * over `fileRegisterChannel`, which `window.api` does not expose, so the page never holds the path
 * and cannot send one of its own.
 */
export function registerByPath(
  pathOf: GetPathForFile,
  invokePreload: (
    channel: typeof fileRegisterChannel,
    payload: { path: string },
  ) => Promise<unknown>,
): RegisterFile {
  return async (file) => {
    const path = pathOf(file);
    // Electron answers '' for a File that does not come from the disk (built in the page).
    if (typeof path !== 'string' || path === '') {
      return { ok: false, error: { code: 'unreadable', message: FILE_NOT_ON_DISK } };
    }
    return invokePreload(fileRegisterChannel, { path });
  };
}

function fileMethod(registerFile: RegisterFile | undefined, failuresAsData: boolean) {
  const named = {
    registerFile: async (file: FileLike): Promise<RegisteredFile> => {
      if (!registerFile) {
        throw rejection(
          { code: 'internal', message: 'This window cannot hand files to the app.' },
          failuresAsData,
        );
      }
      const answer = unwrap('registerFile', await registerFile(file));
      if ('failure' in answer) throw rejection(answer.failure, failuresAsData);
      const registered = registeredFileSchema.safeParse(answer.value);
      if (!registered.success) {
        throw rejection(
          { code: 'internal', message: 'The app answered "registerFile" in an unexpected way.' },
          failuresAsData,
        );
      }
      // Only the handle and the name reach the page, whatever else the answer held.
      return { handle: registered.data.handle, name: registered.data.name };
    },
  };
  return named.registerFile;
}

/**
 * Builds `window.api` from the contract: one named function per request channel and one
 * `on<Event>` function per event channel, grouped by domain (`app:getInfo` -> `api.app.getInfo()`,
 * `import:progress` -> `api.import.onProgress(cb)`), plus `registerFile`, all frozen. Each request
 * sends at most one payload and unwraps the envelope, and listeners get payloads, so the page sees
 * values and `ApiError`s (the envelope's code and plain-words message), never `ipcRenderer` or an
 * IPC event.
 */
export function createApi(invoke: Invoke, bridge: ApiBridge = {}): AppApi {
  const channels = bridge.channels ?? { requests: ipcChannels, events: ipcEventChannels };
  const domains = new Map<string, Record<string, Method>>();
  for (const channel of channels.requests) {
    const { domain, verb } = splitIpcChannel(channel);
    addMethod(
      domains,
      domain,
      verb,
      requestMethod(channel, invoke, bridge.failuresAsData ?? false),
    );
  }
  for (const channel of channels.events) {
    const { domain, method } = ipcEventMethod(channel);
    addMethod(domains, domain, method, listenerMethod(channel, bridge.subscribe));
  }
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of domains) api[domain] = Object.freeze(methods);
  api['registerFile'] = fileMethod(bridge.registerFile, bridge.failuresAsData ?? false);
  // The runtime shape follows the same contract the AppApi type is derived from.
  return Object.freeze(api) as AppApi;
}
