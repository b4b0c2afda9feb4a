import { describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../../shared/ipc';
import type { SocketLike } from './browser-types';
import { createHostClient, LOST_MESSAGE, UNREACHABLE_MESSAGE } from './host-client';

/** A socket the test drives: it opens, answers and drops when told to. */
class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: { id: number; channel: string; payload?: unknown }[] = [];
  private readonly handlers = new Map<string, ((event: { data: unknown }) => void)[]>();

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; channel: string });
  }
  close(): void {
    this.fire('close');
  }
  open(): void {
    this.readyState = 1;
    this.fire('open');
  }
  drop(): void {
    this.readyState = 3;
    this.fire('close');
  }
  receive(message: unknown): void {
    this.fire('message', JSON.stringify(message));
  }
  private fire(type: string, data?: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const client = createHostClient('ws://127.0.0.1:1/__host/ws?token=t', () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  });
  return { client, sockets };
}

const channel = 'app:getInfo' as IpcChannel;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createHostClient', () => {
  it('pairs replies with their requests, whatever order they come back in', async () => {
    const { client, sockets } = setup();
    const first = client.invoke(channel, undefined);
    const second = client.invoke(channel, { detail: true });
    sockets[0]?.open();
    await flush();

    const [a, b] = sockets[0]?.sent ?? [];
    expect(a).toEqual({ id: 0, channel });
    expect(b).toEqual({ id: 1, channel, payload: { detail: true } });
    sockets[0]?.receive({ id: 1, result: 'second' });
    sockets[0]?.receive({ id: 0, result: 'first' });
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
  });

  it('says the host refused or is down when the socket never opens', async () => {
    const { client, sockets } = setup();
    const call = client.invoke(channel, undefined);
    sockets[0]?.drop();
    await expect(call).rejects.toThrow(UNREACHABLE_MESSAGE);
  });

  it('fails waiting requests when the connection drops, and reconnects on the next one', async () => {
    const { client, sockets } = setup();
    const call = client.invoke(channel, undefined);
    sockets[0]?.open();
    await flush();
    sockets[0]?.drop();
    await expect(call).rejects.toThrow(LOST_MESSAGE);

    const again = client.invoke(channel, undefined);
    sockets[1]?.open();
    await flush();
    sockets[1]?.receive({ id: 1, result: 'back' });
    expect(await again).toBe('back');
  });
});
