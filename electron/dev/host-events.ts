import type { z } from 'zod';
import { ipcEvents } from '../../shared/ipc';
import type { HostEvent } from './host-protocol';
import { parseEventPayload } from '../main/emit-event';

/** Fans contract events out to the connected pages. */
export interface EventHub {
  /**
   * Checks `payload` with `channel`'s schema and sends the parsed value to every connected page.
   * Throws (and sends nothing) for a channel outside the contract or a payload that does not fit:
   * either is a bug on the main side that must not reach the page.
   */
  emit(channel: string, payload: unknown): void;
  /** Adds a page's sender; returns the function that removes it. */
  connect(send: (message: string) => void): () => void;
}

/** A hub over the contract's event schemas (tests pass their own). */
export function createEventHub(schemas: Record<string, z.ZodType> = ipcEvents): EventHub {
  const senders = new Set<(message: string) => void>();
  return {
    emit(channel, payload) {
      const parsed = parseEventPayload(channel, payload, schemas);
      const message: HostEvent = { event: channel, payload: parsed };
      const text = JSON.stringify(message);
      for (const send of senders) send(text);
    },
    connect(send) {
      senders.add(send);
      return () => senders.delete(send);
    },
  };
}
