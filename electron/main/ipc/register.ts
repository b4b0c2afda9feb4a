import type { z } from 'zod';
import type {
  IpcChannel,
  IpcError,
  IpcParsedRequest,
  IpcRequestSpec,
  IpcResponse,
  IpcResult,
  PreloadChannel,
} from '../../../shared/ipc';
import { ipcRequests } from '../../../shared/ipc';
import { isUserError } from '../../../shared/user-error';
import { describeZodError } from '../../../shared/zod-issue';

/** The part of an `IpcMainInvokeEvent` the registrar reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null | undefined;
}

/** The part of Electron's `ipcMain` the registrar needs, so tests can pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<IpcResult<unknown>>,
  ): void;
}

/** The main-process side of channel `C`: gets the parsed request, answers the response value. */
export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

export type IpcHandlers<C extends IpcChannel> = { [K in C]: IpcHandler<K> };

export interface RegisterOptions {
  /** Whether the sending frame's URL is the app's own page, see `createTrustedSenderCheck`. */
  isTrustedSender: (frameUrl: string) => boolean;
  /** Told about handler failures, with the full error (for the log; the renderer gets none of it). */
  onError?: (channel: IpcChannel | PreloadChannel, error: unknown) => void;
}

const FORBIDDEN: IpcError = {
  code: 'forbidden_sender',
  message: 'This request came from a page the app does not trust, so it was refused.',
};

const INTERNAL: IpcError = {
  code: 'internal',
  message:
    'Something went wrong inside the app. The details are in the log file (Help > Open Log File).',
};

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

/** The first schema problem, in words: "The request was not valid (name: Too small: …)." */
function describeIssues(error: z.ZodError): string {
  return `The request was not valid (${describeZodError(error, 'no details', { pathFirst: true })}).`;
}

/**
 * Binds each handler to its contract channel through the checks every channel needs
 * (docs/security.md item 9): the sender frame must exist and be the app's page; the payload must
 * match the channel's request schema (one argument at most); the answer must match its response
 * schema. Failures come back as `{ ok: false, error }` with a plain-words message, never a stack
 * trace: a `UserError` thrown by the handler with its own code and message, anything else as
 * `internal`.
 */
export function registerHandlers<C extends IpcChannel>(
  ipc: IpcMainLike,
  handlers: IpcHandlers<C>,
  options: RegisterOptions,
): void {
  for (const channel of Object.keys(handlers) as C[]) {
    // The handler table is typed by the contract, but a caller outside TypeScript may pass more.
    const spec = (ipcRequests as Partial<typeof ipcRequests>)[channel];
    if (!spec) throw new Error(`"${channel}" is not a channel of the IPC contract.`);
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    bindChannel(ipc, channel, spec as IpcRequestSpec, handler, options);
  }
}

/**
 * Binds one handler to `channel` through the checks above, whatever table its spec comes from:
 * the contract's (`registerHandlers`) or the preload's own channel (shared/ipc.ts
 * `preloadRequests`), which gets exactly the same checks.
 */
export function bindChannel<S extends IpcRequestSpec>(
  ipc: IpcMainLike,
  channel: IpcChannel | PreloadChannel,
  spec: S,
  handler: (request: z.output<S['request']>) => z.output<S['response']> | Promise<unknown>,
  options: RegisterOptions,
): void {
  ipc.handle(channel, async (event, ...args) => {
    const frame = event.senderFrame;
    if (!frame || !options.isTrustedSender(frame.url)) return fail(FORBIDDEN);
    if (args.length > 1) {
      return fail({
        code: 'invalid_request',
        message: 'The request was not valid (too many arguments).',
      });
    }

    const request = spec.request.safeParse(args[0]);
    if (!request.success) {
      return fail({ code: 'invalid_request', message: describeIssues(request.error) });
    }

    try {
      const value: unknown = await handler(request.data as z.output<S['request']>);
      const response = spec.response.safeParse(value);
      if (!response.success) {
        options.onError?.(channel, response.error);
        return fail(INTERNAL);
      }
      return { ok: true, value: response.data };
    } catch (error) {
      // A refusal written for the user answers its own code and words; anything else is a bug.
      if (isUserError(error)) return fail({ code: error.code, message: error.message });
      options.onError?.(channel, error);
      return fail(INTERNAL);
    }
  });
}
