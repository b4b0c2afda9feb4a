import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/ipc';
import { ipcChannels, preloadChannels } from '../../../shared/ipc';
import { UserError } from '../../../shared/user-error';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import type { IpcHandler, RegisterOptions } from './register';
import { registerHandlers } from './register';
import { createTestServices } from './test-services';
import { createTrustedSenderCheck } from './trusted-sender';

const info: AppInfo = {
  name: 'Customerscore Importer',
  version: '0.1.0',
  platform: 'linux',
  dataDir: '/home/ana/.config/Customerscore Importer',
};

function setup(
  handler: IpcHandler<'app:getInfo'> = () => info,
  devServerUrl: URL | null = null,
): { ipc: FakeIpcMain; errors: unknown[] } {
  const ipc = new FakeIpcMain();
  const errors: unknown[] = [];
  const options: RegisterOptions = {
    isTrustedSender: createTrustedSenderCheck({ devServerUrl }),
    onError: (_channel, error) => errors.push(error),
  };
  registerHandlers(ipc, { 'app:getInfo': handler }, options);
  return { ipc, errors };
}

describe('registerHandlers: the sender check', () => {
  it.each([
    ['a destroyed frame', null],
    ['a remote site', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['another app:// host', 'app://evil/'],
    ['the dev server in production', 'http://localhost:5173/'],
  ])('refuses %s without calling the handler', async (_name, frameUrl) => {
    let calls = 0;
    const { ipc } = setup(() => {
      calls += 1;
      return info;
    });
    expect(await ipc.invoke('app:getInfo', frameUrl)).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.stringMatching(/not trust/) },
    });
    expect(calls).toBe(0);
  });

  it('refuses an event without any senderFrame property value', async () => {
    const { ipc } = setup();
    const listener = ipc.listeners.get('app:getInfo');
    const result = await listener?.({ senderFrame: undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('answers the app page', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke('app:getInfo', 'app://app/index.html')).toEqual({
      ok: true,
      value: info,
    });
  });

  it('answers the dev server only while developing', async () => {
    const { ipc } = setup(() => info, new URL('http://localhost:5173'));
    expect(await ipc.invoke('app:getInfo', 'http://localhost:5173/')).toEqual({
      ok: true,
      value: info,
    });
  });
});

describe('registerHandlers: the payload check', () => {
  it.each([
    ['an object', { path: '/etc/passwd' }],
    ['a string', 'hello'],
    ['null', null],
  ])('refuses %s where no payload is expected, in plain words', async (_name, payload) => {
    const { ipc } = setup();
    const result = await ipc.invoke('app:getInfo', 'app://app/', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^The request was not valid/);
  });

  it('refuses extra arguments', async () => {
    const { ipc } = setup();
    const result = await ipc.invoke('app:getInfo', 'app://app/', undefined, 'extra');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('registerHandlers: the answer', () => {
  it('wraps a thrown error as "internal" without its message or stack', async () => {
    const { ipc, errors } = setup(() => {
      throw new Error('ENOENT: /secret/path/settings.json');
    });
    const result = await ipc.invoke('app:getInfo', 'app://app/');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/ENOENT|secret|at /);
    expect(errors).toHaveLength(1);
  });

  it('answers an error written for the user with its own code and words, and logs nothing', async () => {
    class FileClosedError extends UserError {
      constructor(message: string) {
        super('gone', message);
      }
    }
    const ipc = new FakeIpcMain();
    const errors: unknown[] = [];
    registerHandlers(
      ipc,
      {
        'app:getInfo': () => {
          throw new FileClosedError('This file is no longer open in the app. Choose it again.');
        },
      },
      {
        isTrustedSender: createTrustedSenderCheck({ devServerUrl: null }),
        onError: (_channel, error) => errors.push(error),
      },
    );
    const result = await ipc.invoke('app:getInfo', 'app://app/');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'gone',
        message: 'This file is no longer open in the app. Choose it again.',
      },
    });
    expect(errors).toEqual([]);
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const { ipc, errors } = setup(() => ({ ...info, apiKey: 'csk_live_x', name: '' }));
    const result = await ipc.invoke('app:getInfo', 'app://app/');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('csk_live_x');
    expect(errors).toHaveLength(1);
  });

  it('strips fields the contract does not list', async () => {
    const { ipc } = setup(() => ({ ...info, apiKey: 'csk_live_x' }));
    const result = await ipc.invoke('app:getInfo', 'app://app/');
    expect(result).toEqual({ ok: true, value: info });
  });

  it('refuses to bind a channel outside the contract', () => {
    const ipc = new FakeIpcMain();
    const handlers = { 'secrets:read': () => 'key' } as unknown as Record<
      'app:getInfo',
      () => AppInfo
    >;
    expect(() => registerHandlers(ipc, handlers, { isTrustedSender: () => true })).toThrow(
      /not a channel of the IPC contract/,
    );
  });
});

describe('registerAllHandlers', () => {
  it('leaves no contract channel, nor the preload channel, without a handler', () => {
    const ipc = new FakeIpcMain();
    const { services } = createTestServices('/nonexistent/customerscore-data');
    registerAllHandlers(ipc, services, { isTrustedSender: () => true });
    expect([...ipc.listeners.keys()].sort()).toEqual([...ipcChannels, ...preloadChannels].sort());
  });
});
