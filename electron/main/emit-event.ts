import type { z } from 'zod';
import { ipcEvents, type IpcEventChannel } from '../../shared/ipc';
import type { EmitIpcEvent } from './services';

/**
 * An `EmitIpcEvent` that checks each payload with the contract's schema before handing it to
 * `send` (in Electron: the main window's `webContents.send`). A channel outside the contract or a
 * payload that does not fit is a bug on the main side: it throws and nothing reaches the page.
 */
export function createEventEmitter(
  send: (channel: IpcEventChannel, payload: unknown) => void,
): EmitIpcEvent {
  return (channel, payload) => {
    const schemas: Record<string, z.ZodType> = ipcEvents;
    const schema = Object.hasOwn(schemas, channel) ? schemas[channel] : undefined;
    if (!schema)
      throw new Error(`"${String(channel)}" is not an event channel of the IPC contract.`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new Error(`The payload of event "${String(channel)}" does not match the contract.`);
    }
    send(channel, parsed.data);
  };
}
