import { z } from 'zod';

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

/** Why a request failed, in a form the renderer can branch on. */
export const ipcErrorCodeSchema = z.enum(['invalid_request', 'forbidden_sender', 'internal']);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** A failed request: a code and a message in plain words (never a stack trace, never a secret). */
export const ipcErrorSchema = z.object({ code: ipcErrorCodeSchema, message: z.string() });
export type IpcError = z.infer<typeof ipcErrorSchema>;

/** The envelope every request channel answers with. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Schema of the envelope around a given response schema (`value` is checked against it). */
export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
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
} as const satisfies Record<string, IpcRequestSpec>;

/** Event channels (main -> renderer, any number of times): the payload schema of each. */
export const ipcEvents = {} as const satisfies Record<string, z.ZodType>;

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

/** Splits `domain:verb` into its parts (the preload builds `api.<domain>.<verb>` from them). */
export function splitIpcChannel(channel: string): { domain: string; verb: string } {
  if (!ipcChannelPattern.test(channel)) {
    throw new Error(`IPC channel "${channel}" is not named domain:verb.`);
  }
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

type IpcMethod<C extends IpcChannel> = [undefined] extends [IpcRequest<C>]
  ? (request?: IpcRequest<C>) => Promise<IpcResponse<C>>
  : (request: IpcRequest<C>) => Promise<IpcResponse<C>>;

type DomainApi<D extends string> = {
  readonly [C in IpcChannel as C extends `${D}:${infer V}` ? V : never]: IpcMethod<C>;
};

/**
 * The shape of `window.api`: one method per request channel, grouped by domain
 * (`app:getInfo` becomes `api.app.getInfo()`). Methods resolve with the unwrapped value and reject
 * with an `Error` carrying the plain-words message when the main process answers `ok: false`.
 */
export type AppApi = { readonly [D in DomainOf<IpcChannel>]: DomainApi<D> };
