import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { checkHostAccess, describeRefusal } from './host-access';
import type { EventHub } from './host-events';
import type { HostIpc } from './host-ipc';
import type { IpcResult } from '../../shared/ipc';
import { preloadChannels } from '../../shared/ipc';
import { HOST_PATHS, hostRequestSchema } from './host-protocol';
import type { HostReply } from './host-protocol';

// Generous for hand-built batches (100 events, 5 MB bodies) and mappings; files go by upload.
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const POLICY_VIOLATION = 1008;
const UNSUPPORTED_DATA = 1003;

export interface HostSocketOptions {
  access: { token: string; origin: string };
  ipc: HostIpc;
  hub: EventHub;
  /**
   * The "sender frame" URL of every request over an authenticated connection: the handshake proved
   * the page is the host's own origin, which is what the registrar's sender check looks at.
   */
  frameUrl: string;
}

const PRELOAD_ONLY: IpcResult<never> = {
  ok: false,
  error: {
    code: 'forbidden_sender',
    message: 'Only the app itself may hand over a file by its path, so this request was refused.',
  },
};

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

async function answer(socket: WebSocket, data: RawData, options: HostSocketOptions): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(textOf(data));
  } catch {
    raw = undefined;
  }
  const request = hostRequestSchema.safeParse(raw);
  if (!request.success) {
    socket.close(POLICY_VIOLATION, 'Expected a JSON {id, channel, payload} request.');
    return;
  }
  // JSON has no undefined: a request without `payload` is a call without an argument.
  const args = Object.hasOwn(raw as object, 'payload') ? [request.data.payload] : [];
  const { channel } = request.data;
  // The preload's own channel registers a path: a page must not (its files come by upload).
  const result = (preloadChannels as readonly string[]).includes(channel)
    ? PRELOAD_ONLY
    : await options.ipc.invoke(channel, options.frameUrl, args);
  const reply: HostReply = { id: request.data.id, result };
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
}

/**
 * Serves the bridge's WebSocket on `server` at `/__host/ws`: the handshake must carry the host's
 * token and come from the host's own origin (else 401 / 403 before any WebSocket exists); each text
 * message is one request, answered through the same handlers the main process binds; contract
 * events reach every open connection.
 */
export function attachHostSocket(server: Server, options: HostSocketOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', options.access.origin).pathname;
    if (pathname !== HOST_PATHS.socket) {
      refuseUpgrade(socket, 404, 'Not found');
      return;
    }
    const access = checkHostAccess(request, options.access);
    if (access !== 'ok') {
      const refusal = describeRefusal(access);
      refuseUpgrade(socket, refusal.status, refusal.message);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  // Without a listener, an 'error' event throws and takes the whole host down.
  wss.on('error', (error) => console.error('browser host: the socket server failed', error));

  wss.on('connection', (ws: WebSocket) => {
    const disconnect = options.hub.connect((message) => {
      if (ws.readyState === ws.OPEN) ws.send(message);
    });
    ws.on('close', disconnect);
    // A message over maxPayload, a text frame that is not UTF-8 or a malformed frame: ws has
    // already sent the close code that says which (1009, 1007, 1002) and closes this one
    // connection itself. Without a listener the error would be thrown and end the host for every
    // page.
    ws.on('error', (error) => {
      console.error(`browser host: closed a connection that sent a bad message (${error.message})`);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(UNSUPPORTED_DATA, 'Expected text messages.');
        return;
      }
      answer(ws, data, options).catch((error: unknown) => {
        console.error('browser host: a request could not be answered', error);
        ws.close(POLICY_VIOLATION, 'The request could not be answered.');
      });
    });
  });

  return {
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
