import type { IpcResult } from '../../../shared/ipc';
import type { IpcInvokeEventLike, IpcMainLike } from './register';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<IpcResult<unknown>>;

/** A stand-in for `ipcMain` in tests: records handlers and invokes them with forged senders. */
export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.listeners.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }

  /** Calls `channel` as a page at `frameUrl` would (null: the frame is gone). */
  invoke(
    channel: string,
    frameUrl: string | null,
    ...args: unknown[]
  ): Promise<IpcResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}
