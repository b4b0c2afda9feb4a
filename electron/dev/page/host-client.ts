import type { IpcChannel, IpcEventChannel, Unsubscribe } from '../../../shared/ipc';
import { hostEventSchema, hostReplySchema } from '../host-protocol';
import type { HostRequest } from '../host-protocol';
import type { OpenSocket, SocketLike } from './browser-types';

const OPEN = 1;

/** Shown when the socket never opened: the browser cannot tell a refusal from a host that is down. */
export const UNREACHABLE_MESSAGE =
  'The browser host refused this page or is not running. Open the exact address it printed ' +
  '(it ends in ?token=...) and check that the host is still running.';

export const LOST_MESSAGE =
  'The connection to the browser host was lost. Check that it is still running, then reload the page.';

export interface HostClient {
  /** Sends one request and resolves with the host's envelope (`createApi` unwraps it). */
  invoke(channel: IpcChannel, payload: unknown): Promise<unknown>;
  /** Listens to one event channel; the listener gets the payload only. */
  subscribe(channel: IpcEventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

interface Pending {
  resolve: (envelope: unknown) => void;
  reject: (error: Error) => void;
}

function rethrowLater(error: unknown): void {
  // A failing listener must not stop the others, yet its error should still reach the console.
  setTimeout(() => {
    throw error;
  });
}

/**
 * The page's end of the host's WebSocket: connects on first use (and again after a drop), pairs
 * each reply with its request by id, and hands events to their listeners. Events only arrive while
 * connected, so subscribing connects too.
 */
export function createHostClient(socketUrl: string, openSocket: OpenSocket): HostClient {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let connection: Promise<SocketLike> | null = null;
  let nextId = 0;

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    const reply = hostReplySchema.safeParse(message);
    if (reply.success) {
      pending.get(reply.data.id)?.resolve(reply.data.result);
      pending.delete(reply.data.id);
      return;
    }
    const event = hostEventSchema.safeParse(message);
    if (!event.success) return;
    for (const listener of [...(listeners.get(event.data.event) ?? [])]) {
      try {
        listener(event.data.payload);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }

  function connect(): Promise<SocketLike> {
    connection ??= new Promise<SocketLike>((resolve, reject) => {
      const socket = openSocket(socketUrl);
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        resolve(socket);
      });
      socket.addEventListener('message', (event) => onMessage(event.data));
      socket.addEventListener('close', () => {
        connection = null;
        const error = new Error(opened ? LOST_MESSAGE : UNREACHABLE_MESSAGE);
        if (!opened) reject(error);
        for (const request of pending.values()) request.reject(error);
        pending.clear();
      });
    });
    return connection;
  }

  return {
    async invoke(channel, payload) {
      const socket = await connect();
      const id = nextId++;
      const request: HostRequest =
        payload === undefined ? { id, channel } : { id, channel, payload };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket.readyState === OPEN) socket.send(JSON.stringify(request));
        else {
          pending.delete(id);
          reject(new Error(LOST_MESSAGE));
        }
      });
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      // Events flow over the socket; a refusal shows up on the next request, in words.
      connect().catch(() => undefined);
      return () => {
        set.delete(listener);
      };
    },
  };
}
