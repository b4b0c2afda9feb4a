import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createHostToken } from './host-access';
import { createEventHub } from './host-events';
import { createHostIpc } from './host-ipc';
import { attachHostSocket, MAX_MESSAGE_BYTES } from './host-socket';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  vi.restoreAllMocks();
});

/** A real HTTP server with the host's socket on it, answering one channel. */
async function serve(): Promise<{ url: string; origin: string }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = createHostToken();
  const ipc = createHostIpc();
  ipc.handle('app:echo', async (_event, payload) => ({ ok: true, value: payload }));
  const socket = attachHostSocket(server, {
    access: { token, origin },
    ipc,
    hub: createEventHub({}),
    frameUrl: `${origin}/`,
  });
  closers.push(async () => {
    socket.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `${origin.replace('http', 'ws')}/__host/ws?token=${token}`, origin };
}

function open(host: { url: string; origin: string }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(host.url, { origin: host.origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `data` and resolves with the close code the host ended the connection with. */
function closeCodeAfter(socket: WebSocket, send: (socket: WebSocket) => void): Promise<number> {
  return new Promise((resolve) => {
    // The client may see the connection end mid-send; the close code is what counts.
    socket.on('error', () => undefined);
    socket.once('close', (code) => resolve(code));
    send(socket);
  });
}

async function stillAnswers(host: { url: string; origin: string }): Promise<unknown> {
  const socket = await open(host);
  const reply = await new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))));
    socket.send(JSON.stringify({ id: 7, channel: 'app:echo', payload: 'hello' }));
  });
  socket.close();
  return reply;
}

describe('the browser host socket, sent a bad message', () => {
  it('closes a connection whose message is over the size limit and keeps serving others', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = await serve();
    const bystander = await open(host);
    const code = await closeCodeAfter(await open(host), (socket) =>
      socket.send('x'.repeat(MAX_MESSAGE_BYTES + 1)),
    );
    expect(code).toBe(1009); // "message too big"
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();
    expect(await stillAnswers(host)).toEqual({ id: 7, result: { ok: true, value: 'hello' } });
  });

  it('closes a connection that sends text that is not UTF-8', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = await serve();
    const code = await closeCodeAfter(await open(host), (socket) =>
      socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
    );
    expect(code).toBe(1007); // "invalid frame payload data"
    expect(await stillAnswers(host)).toEqual({ id: 7, result: { ok: true, value: 'hello' } });
  });

  it('closes a connection that sends something other than a request', async () => {
    const host = await serve();
    const code = await closeCodeAfter(await open(host), (socket) => socket.send('{"id": "one"'));
    expect(code).toBe(1008);
    expect(await stillAnswers(host)).toEqual({ id: 7, result: { ok: true, value: 'hello' } });
  });
});
