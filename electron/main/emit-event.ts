import type { z } from 'zod';
import { ipcEvents, type IpcEventChannel } from '../../shared/ipc';
import type { EmitIpcEvent } from './services';

/**
 * A contract event's payload, checked with its channel's schema (the contract's by default). A
 * channel outside the contract or a payload that does not fit is a bug on the main side: it throws,
 * so nothing unchecked reaches a page. Used by Electron's emitter and the browser host's hub alike.
 */
export function parseEventPayload(
  channel: string,
  payload: unknown,
  schemas: Record<string, z.ZodType> = ipcEvents,
): unknown {
  const schema = Object.hasOwn(schemas, channel) ? schemas[channel] : undefined;
  if (!schema) throw new Error(`"${channel}" is not an event channel of the IPC contract.`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`The payload of event "${channel}" does not match the contract.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** An `EmitIpcEvent` that checks each payload before `send` (the main window's `webContents.send`). */
export function createEventEmitter(
  send: (channel: IpcEventChannel, payload: unknown) => void,
): EmitIpcEvent {
  return (channel, payload) => send(channel, parseEventPayload(channel, payload));
}
