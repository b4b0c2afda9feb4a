import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import type { IpcEventChannel } from '../../shared/ipc';
import { fileRegisterChannel, ipcEvents } from '../../shared/ipc';
import type { SocketLike } from './page/browser-types';
import { createHostClient } from './page/host-client';
import { RendererNotBuiltError, startBrowserHost } from './start-browser-host';
import type { BrowserHost, BrowserHostOptions } from './start-browser-host';

const hosts: BrowserHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function start(options: Partial<BrowserHostOptions> = {}): Promise<BrowserHost> {
  const rendererDir = await tempDir('host-renderer-');
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  const host = await startBrowserHost({
    rendererDir,
    env: { CUSTOMERSCORE_HOME: await tempDir('host-home-') },
    uploadBase: await tempDir('host-uploads-'),
    ...options,
  });
  hosts.push(host);
  return host;
}

function socketUrl(host: BrowserHost, token = host.token): string {
  return `ws://127.0.0.1:${new URL(host.origin).port}/__host/ws?token=${token}`;
}

/** Opens a socket like a browser would (Origin header); resolves when open or with the refusal. */
function connect(url: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

function ask(socket: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))));
    socket.send(JSON.stringify(message));
  });
}

describe('startBrowserHost: the socket', () => {
  it("answers the page's own origin with the real handlers and the CUSTOMERSCORE_HOME data dir", async () => {
    const home = await tempDir('host-home-');
    const host = await start({ env: { CUSTOMERSCORE_HOME: home } });
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);

    const socket = await connect(socketUrl(host), host.origin);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    const reply = await ask(socket, { id: 1, channel: 'app:getInfo' });
    socket.close();

    expect(reply).toEqual({
      id: 1,
      result: {
        ok: true,
        value: expect.objectContaining({ name: 'Customerscore Importer', dataDir: home }),
      },
    });
  });

  it.each([
    ['without a token', '', 401],
    ['with a wrong token', '0'.repeat(64), 401],
  ])('refuses a connection %s', async (_name, token, status) => {
    const host = await start();
    expect(await connect(socketUrl(host, token), host.origin)).toBe(status);
  });

  it.each([
    ['from another site', 'https://evil.example'],
    ['from localhost instead of 127.0.0.1', 'http://localhost'],
    ['without an Origin header', undefined],
  ])('refuses a connection with the right token %s', async (_name, origin) => {
    const host = await start();
    expect(await connect(socketUrl(host), origin)).toBe(403);
  });

  it("refuses the preload's own channel: a page cannot register a path", async () => {
    const host = await start();
    const socket = await connect(socketUrl(host), host.origin);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    const payload = { path: '/etc/passwd' };
    const reply = await ask(socket, { id: 4, channel: fileRegisterChannel, payload });
    expect(reply).toEqual({
      id: 4,
      result: {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message:
            'Only the app itself may hand over a file by its path, so this request was refused.',
        },
      },
    });
    socket.close();
  });

  it('still runs the registrar checks: a bad payload is refused in words', async () => {
    const host = await start();
    const socket = await connect(socketUrl(host), host.origin);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    const reply = await ask(socket, { id: 2, channel: 'app:getInfo', payload: { x: 1 } });
    socket.close();
    expect(reply).toEqual({
      id: 2,
      result: {
        ok: false,
        error: {
          code: 'invalid_request',
          message: expect.stringMatching(/^The request was not valid/),
        },
      },
    });
  });

  it('tells a missing renderer build apart', async () => {
    await expect(
      startBrowserHost({ rendererDir: await tempDir('host-empty-'), env: {} }),
    ).rejects.toThrow(RendererNotBuiltError);
  });
});

describe('startBrowserHost: events', () => {
  // The contract has no event channels yet; the host forwards whichever schemas it is given.
  // A contract of its own for the test's event, plus the one the host itself emits as it starts
  // (the Updates section's state), which would otherwise be refused after the test is over.
  const eventSchemas = {
    'import:progress': z.object({ sent: z.number().int() }),
    'updates:changed': ipcEvents['updates:changed'],
  };
  const progress = 'import:progress' as IpcEventChannel;

  it("validates each event and hands it to the page's listeners", async () => {
    const host = await start({ eventSchemas });
    const opened: Promise<void>[] = [];
    // The page's own client, over a real socket that sends the page's Origin.
    const client = createHostClient(socketUrl(host), (url) => {
      const socket = new WebSocket(url, { origin: host.origin });
      opened.push(new Promise((resolve) => socket.once('open', () => resolve())));
      return socket as unknown as SocketLike;
    });
    const received: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      client.subscribe(progress, (payload) => {
        received.push(payload);
        if (received.length === 2) resolve();
      });
    });
    await Promise.all(opened);

    const emit = host.emit as (channel: string, payload: unknown) => void;
    emit('import:progress', { sent: 100 });
    expect(() => emit('import:progress', { sent: 'lots' })).toThrow(/does not match the contract/);
    expect(() => emit('secrets:key', { key: 'abc' })).toThrow(/not an event channel/);
    emit('import:progress', { sent: 200 });
    await done;

    // Order is kept on one socket: had the bad payload gone out, it would sit between these.
    expect(received).toEqual([{ sent: 100 }, { sent: 200 }]);
  });
});

describe('startBrowserHost: uploads', () => {
  function upload(host: BrowserHost, query: string, body: PassThrough, origin = host.origin) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = request(
        `${host.origin}/__host/upload?${query}`,
        { method: 'POST', headers: { origin } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      outgoing.on('error', reject);
      body.pipe(outgoing);
    });
  }

  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((e) => path.join(e.parentPath, e.name));
  }

  it('streams the body to a temp file named after the original, before the upload ends', async () => {
    const uploadBase = await tempDir('host-uploads-');
    const host = await start({ uploadBase });
    const body = new PassThrough();
    const answer = upload(host, `token=${host.token}&name=${encodeURIComponent('März.csv')}`, body);
    const half = Buffer.alloc(1024 * 1024, 'a');

    body.write(half);
    // The first half is on disk while the rest has not been sent: the host does not buffer.
    await expect
      .poll(async () => {
        const [file] = await filesUnder(uploadBase);
        return file ? (await stat(file)).size : 0;
      })
      .toBe(half.length);
    body.end(Buffer.from('b\n'));

    const { status, text } = await answer;
    expect(status).toBe(200);
    // The page gets a handle and the name, never the copy's path.
    const registered = z
      .strictObject({
        ok: z.literal(true),
        value: z.strictObject({ handle: z.string(), name: z.string() }),
      })
      .parse(JSON.parse(text)).value;
    expect(registered.name).toBe('März.csv');
    expect(text).not.toContain(uploadBase);
    const [filePath = ''] = await filesUnder(uploadBase);
    expect(path.basename(filePath)).toBe('März.csv');
    expect(await readFile(filePath, 'utf8')).toBe(`${half.toString()}b\n`);
  });

  it('opens an upload by its handle, and refuses a path or a forged handle', async () => {
    const host = await start();
    const body = new PassThrough();
    body.end('customer_id,event\ncus_1,signup\n');
    const { text } = await upload(host, `token=${host.token}&name=people.csv`, body);
    const { handle } = (JSON.parse(text) as { value: { handle: string } }).value;

    const socket = await connect(socketUrl(host), host.origin);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    const opened = await ask(socket, { id: 1, channel: 'import:open', payload: { file: handle } });
    expect(opened).toMatchObject({
      result: { ok: true, value: { file: { header: ['customer_id', 'event'] } } },
    });
    const gone = {
      ok: false,
      error: { code: 'gone', message: 'This file is no longer open in the app. Choose it again.' },
    };
    for (const file of ['/etc/passwd', `f-${'0'.repeat(32)}`]) {
      const reply = await ask(socket, { id: 2, channel: 'import:open', payload: { file } });
      expect(reply).toEqual({ id: 2, result: gone });
    }
    const byPath = await ask(socket, {
      id: 3,
      channel: 'import:open',
      payload: { path: '/etc/passwd' },
    });
    expect(byPath).toMatchObject({ result: { ok: false, error: { code: 'invalid_request' } } });
    socket.close();
  });

  it.each([
    ['a wrong token', (host: BrowserHost) => ['token=nope', host.origin], 401],
    ['another origin', (host: BrowserHost) => [`token=${host.token}`, 'https://evil.example'], 403],
  ] as const)('refuses an upload with %s and keeps nothing', async (_name, make, status) => {
    const uploadBase = await tempDir('host-uploads-');
    const host = await start({ uploadBase });
    const [query, origin] = make(host);
    const body = new PassThrough();
    body.end('secret,data\n');
    expect((await upload(host, `${query}&name=x.csv`, body, origin)).status).toBe(status);
    expect(await filesUnder(uploadBase)).toEqual([]);
  });
});
