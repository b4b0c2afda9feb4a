import type { IpcResult } from '../../shared/ipc';
import type { IpcInvokeEventLike, IpcMainLike } from '../main/ipc/register';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<IpcResult<unknown>>;

/** `ipcMain` for the browser host: holds what the registrars bind and calls it for the socket. */
export interface HostIpc extends IpcMainLike {
  /** Calls `channel` as the page at `frameUrl` would; an unknown channel is refused in words. */
  invoke(channel: string, frameUrl: string, args: unknown[]): Promise<IpcResult<unknown>>;
}

export function createHostIpc(): HostIpc {
  const listeners = new Map<string, Listener>();
  return {
    handle(channel, listener) {
      // Electron throws on a second handler for the same channel; so does the host.
      if (listeners.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      }
      listeners.set(channel, listener);
    },
    async invoke(channel, frameUrl, args) {
      const listener = listeners.get(channel);
      if (!listener) {
        return {
          ok: false,
          error: {
            code: 'invalid_request',
            message: `The app has no request named "${channel.slice(0, 80)}".`,
          },
        };
      }
      return listener({ senderFrame: { url: frameUrl } }, ...args);
    },
  };
}
