import { z } from 'zod';
import { registeredFileSchema, type RegisteredFile } from './ipc-file';
import { importEvents, importRequests } from './ipc-import';
import { ledgerRequests } from './ipc-ledger';
import { sendIpcRequests } from './ipc-send';
import { settingsRequests } from './ipc-settings';
import { updatesEvents, updatesRequests } from './ipc-updates';
import { userErrorCodeSchema } from './user-error';

export { registeredFileSchema, type RegisteredFile };

/**
 * The IPC contract between the renderer (through the preload's `window.api`) and the main process.
 *
 * Every request channel is named `domain:verb` and carries one request schema and one response
 * schema; every event channel (main -> renderer) carries one payload schema. The main process parses
 * each request with its schema before a handler sees it and checks each response before it leaves,
 * so the types below are also enforced at run time, where TypeScript types no longer exist.
 */

/** Channel names look like `domain:verb`, both parts camelCase, e.g. `app:getInfo`. */
export const ipcChannelPattern = /^[a-z][a-zA-Z0-9]*:[a-z][a-zA-Z0-9]*$/;

/**
 * Why a request failed, in a form the renderer can branch on: the request's own failures
 * (`invalid_request`: it does not match the contract; `forbidden_sender`: it came from a page the
 * app does not trust; `internal`: a bug, its details only in the log), or the code of the
 * `UserError` the handler threw (shared/user-error.ts), whose message says what to do.
 */
export const ipcErrorCodeSchema = z.enum([
  'invalid_request',
  'forbidden_sender',
  'internal',
  ...userErrorCodeSchema.options,
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** A failed request: a code and a message in plain words (never a stack trace, never a secret). */
export const ipcErrorSchema = z.object({ code: ipcErrorCodeSchema, message: z.string() });
export type IpcError = z.infer<typeof ipcErrorSchema>;

/**
 * The envelope every request channel answers with, and the only place an answer says whether it
 * succeeded: `value` is the channel's response, plain data without a success flag of its own;
 * every refusal and failure is `error`.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Schema of the envelope around a given response schema (`value` is checked against it). */
export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
}

/**
 * What a `window.api` request rejects with when the main process answers `ok: false`: the
 * envelope's code and message, so the page can branch on the code and show the message as it is.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: IpcErrorCode;

  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
  }
}

/**
 * The `ApiError` a failed `window.api` call stands for, or `null` for any other failure. Known by
 * its shape, not its class: the page's bundle and the preload's (or the browser host's bridge)
 * each have their own copy of the class, and Electron's contextBridge hands failures over as
 * plain `{ name: 'ApiError', code, message }` data (see the preload's `failuresAsData`).
 */
export function apiErrorOf(reason: unknown): ApiError | null {
  if (reason instanceof ApiError) return reason;
  if (typeof reason !== 'object' || reason === null) return null;
  if ((reason as { name?: unknown }).name !== 'ApiError') return null;
  const parsed = ipcErrorSchema.safeParse(reason);
  return parsed.success ? new ApiError(parsed.data) : null;
}

/** What `app:getInfo` answers: shown in the About area and in support requests. */
export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  /** Node's `process.platform` of the main process, e.g. `darwin`, `win32`, `linux`. */
  platform: z.string().min(1),
  /** Absolute path of the data directory (settings, logs, journals). */
  dataDir: z.string().min(1),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** One request channel: what the renderer sends and what the main process answers. */
export interface IpcRequestSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * Request channels (renderer -> main, answered once). A channel without a payload uses
 * `z.undefined()`, which the preload sends as `undefined`.
 */
export const ipcRequests = {
  'app:getInfo': { request: z.undefined(), response: appInfoSchema },
  ...sendIpcRequests,
  ...settingsRequests,
  ...importRequests,
  ...ledgerRequests,
  ...updatesRequests,
} as const satisfies Record<string, IpcRequestSpec>;

/**
 * Event channels (main -> renderer, any number of times): the payload schema of each. Named like
 * request channels, `domain:event` (e.g. `import:progress`), and exposed as
 * `api.<domain>.on<Event>(listener)` (`api.import.onProgress(cb)`), which returns an unsubscribe
 * function. The main process checks each payload with its schema before sending it.
 */
export const ipcEvents = {
  ...importEvents,
  ...updatesEvents,
} as const satisfies Record<string, z.ZodType>;

/**
 * The one channel only the preload calls, never part of `window.api` and never answered over the
 * browser host's socket: the preload sends the path Electron's `webUtils.getPathForFile` found for
 * a file the user picked or dropped, and the main process answers a handle for it
 * (docs/security.md item 21). The page cannot reach `ipcRenderer`, so it cannot name a path of
 * its own here; `window.api.registerFile` takes a File, not a path. The main process binds it
 * with the same sender and schema checks as the contract's channels.
 */
export const fileRegisterChannel = 'preload:registerFile';
export const preloadRequests = {
  [fileRegisterChannel]: {
    request: z.strictObject({ path: z.string().min(1) }),
    response: registeredFileSchema,
  },
} as const satisfies Record<string, IpcRequestSpec>;
/** Name of a preload-only channel. */
export type PreloadChannel = keyof typeof preloadRequests;
/** Every preload-only channel name (the browser host's socket refuses these). */
export const preloadChannels = Object.keys(preloadRequests) as PreloadChannel[];

/** Name of a request channel. */
export type IpcChannel = keyof typeof ipcRequests;
/** Name of an event channel. */
export type IpcEventChannel = keyof typeof ipcEvents;

/** What a caller passes on channel `C` (the schema's input type). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcRequests)[C]['request']>;
/** What a handler of channel `C` receives once the request has been parsed. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcRequests)[C]['request']>;
/** What a caller receives on channel `C` once the envelope has been unwrapped. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcRequests)[C]['response']>;
/** The payload a listener of event channel `E` receives. */
export type IpcEventPayload<E extends IpcEventChannel> = z.output<(typeof ipcEvents)[E]>;

/** Every request channel name, in contract order. */
export const ipcChannels = Object.keys(ipcRequests) as IpcChannel[];

/** Every event channel name, in contract order. */
export const ipcEventChannels = Object.keys(ipcEvents) as IpcEventChannel[];

/** Splits `domain:verb` into its parts (the preload builds `api.<domain>.<verb>` from them). */
export function splitIpcChannel(channel: string): { domain: string; verb: string } {
  if (!ipcChannelPattern.test(channel)) {
    throw new Error(`IPC channel "${channel}" is not named domain:verb.`);
  }
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}

/**
 * Where an event channel appears on `window.api`: `import:progress` -> `api.import.onProgress`.
 * Throws on a name that is not `domain:event`.
 */
export function ipcEventMethod(channel: string): { domain: string; method: string } {
  const { domain, verb } = splitIpcChannel(channel);
  return { domain, method: `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}` };
}

/**
 * A file the page hands to `window.api.registerFile`: the DOM's `File` fits. Structural, because
 * this module is compiled both with and without DOM types.
 */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Stops a listener added with an `api.<domain>.on<Event>` method; calling it again does nothing. */
export type Unsubscribe = () => void;

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

type IpcMethod<C extends IpcChannel> = [undefined] extends [IpcRequest<C>]
  ? (request?: IpcRequest<C>) => Promise<IpcResponse<C>>
  : (request: IpcRequest<C>) => Promise<IpcResponse<C>>;

type IpcListenerMethod<E extends IpcEventChannel> = (
  listener: (payload: IpcEventPayload<E>) => void,
) => Unsubscribe;

type DomainApi<D extends string> = {
  readonly [C in IpcChannel as C extends `${D}:${infer V}` ? V : never]: IpcMethod<C>;
} & {
  readonly [
    E in IpcEventChannel as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never
  ]: IpcListenerMethod<E>;
};

/**
 * The shape of `window.api`: one method per request channel, grouped by domain
 * (`app:getInfo` becomes `api.app.getInfo()`), and one `on<Event>` method per event channel
 * (`import:progress` becomes `api.import.onProgress(listener)`). Request methods resolve with the
 * unwrapped value and reject with an `ApiError` (the envelope's code and plain-words message) when
 * the main process answers `ok: false`; listeners receive payloads only, never IPC event objects.
 *
 * `registerFile` hands a file the user picked or dropped to the main process and answers an opaque
 * handle for it (and its name), which `import:open` takes: the page never sees or names a path. In
 * Electron the preload finds the path (`webUtils.getPathForFile`) and registers it over
 * `fileRegisterChannel`; the browser host uploads the file and registers the copy. It rejects like
 * a request, with an `ApiError`.
 */
export type AppApi = {
  readonly [D in DomainOf<IpcChannel> | DomainOf<IpcEventChannel>]: DomainApi<D>;
} & {
  readonly registerFile: (file: FileLike) => Promise<RegisteredFile>;
};
