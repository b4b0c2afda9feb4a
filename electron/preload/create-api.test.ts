import { describe, expect, it } from 'vitest';
import type { AppInfo, IpcChannel } from '../../shared/ipc';
import {
  ApiError,
  apiErrorOf,
  ipcChannels,
  ipcEventChannels,
  ipcEventMethod,
} from '../../shared/ipc';
import { createApi } from './create-api';

const info: AppInfo = {
  name: 'Customerscore Importer',
  version: '0.1.0',
  platform: 'win32',
  dataDir: 'C:\\Users\\ana\\AppData\\Roaming\\Customerscore Importer',
};

function apiAnswering(answer: unknown) {
  const calls: { channel: IpcChannel; payload: unknown }[] = [];
  const api = createApi(async (channel, payload) => {
    calls.push({ channel, payload });
    return answer;
  });
  return { api, calls };
}

describe('createApi', () => {
  it('exposes one named function per contract channel, grouped by domain, and nothing else', () => {
    const { api } = apiAnswering(null);
    const { registerFile, ...domains } = api as unknown as Record<string, unknown>;
    expect(typeof registerFile).toBe('function');
    const exposed = Object.entries(domains).flatMap(([domain, methods]) =>
      Object.entries(methods as Record<string, unknown>).map(([verb, fn]) => {
        expect(typeof fn).toBe('function');
        expect((fn as () => unknown).name).toBe(verb);
        return `${domain}:${verb}`;
      }),
    );
    // Request channels as `api.<domain>.<verb>`, event channels as `api.<domain>.on<Event>`.
    const events = ipcEventChannels.map((channel) => {
      const { domain, method } = ipcEventMethod(channel);
      return `${domain}:${method}`;
    });
    expect(exposed.sort()).toEqual([...ipcChannels, ...events].sort());
  });

  it('is frozen, so the page cannot replace or add methods', () => {
    const { api } = apiAnswering(null);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
    expect(() => {
      (api as unknown as Record<string, unknown>)['invoke'] = () => {};
    }).toThrow(TypeError);
  });

  it('offers no generic invoke, ipcRenderer, require or process', () => {
    const { api } = apiAnswering(null);
    for (const name of ['invoke', 'on', 'ipcRenderer', 'require', 'process']) {
      expect(api).not.toHaveProperty(name);
    }
    // `api.send` is the "Send event" domain, an object of named methods, not ipcRenderer.send.
    expect(typeof api.send).toBe('object');
  });

  it('sends app:getInfo without a payload and resolves with the value', async () => {
    const { api, calls } = apiAnswering({ ok: true, value: info });
    expect(await api.app.getInfo()).toEqual(info);
    expect(calls).toEqual([{ channel: 'app:getInfo', payload: undefined }]);
  });

  it('rejects with the plain-words message of a failure', async () => {
    const { api } = apiAnswering({
      ok: false,
      error: {
        code: 'forbidden_sender',
        message: 'This request came from a page the app does not trust.',
      },
    });
    await expect(api.app.getInfo()).rejects.toThrow(
      'This request came from a page the app does not trust.',
    );
  });

  it('rejects with an ApiError that keeps the code, for the page to branch on', async () => {
    const { api } = apiAnswering({
      ok: false,
      error: { code: 'gone', message: 'This file is no longer open in the app.' },
    });
    const failure: unknown = await api.import.summary({ sessionId: 's-1' }).catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      name: 'ApiError',
      code: 'gone',
      message: 'This file is no longer open in the app.',
    });
  });

  it('rejects an answer that is not an envelope', async () => {
    const { api } = apiAnswering(info);
    await expect(api.app.getInfo()).rejects.toThrow(/unexpected way/);
    await expect(api.app.getInfo()).rejects.toMatchObject({ code: 'internal' });
  });

  it('answers a code outside the contract as "internal", keeping the message', async () => {
    const { api } = apiAnswering({
      ok: false,
      error: { code: 'teapot', message: 'Short and stout.' },
    });
    await expect(api.app.getInfo()).rejects.toMatchObject({
      code: 'internal',
      message: 'Short and stout.',
    });
  });

  it('hands a failure over as plain data for the context bridge, which the page turns back into an ApiError', async () => {
    const api = createApi(
      async () => ({ ok: false, error: { code: 'settings', message: 'Set the API key first.' } }),
      { failuresAsData: true },
    );
    const failure: unknown = await api.send.request({ events: [] }).catch((e) => e);
    // What Electron's contextBridge copies whole: a plain object, not an Error (whose custom
    // properties it drops).
    expect(failure).not.toBeInstanceOf(Error);
    expect(structuredClone(failure)).toEqual({
      name: 'ApiError',
      code: 'settings',
      message: 'Set the API key first.',
    });
    const restored = apiErrorOf(structuredClone(failure));
    expect(restored).toBeInstanceOf(ApiError);
    expect(restored).toMatchObject({ code: 'settings', message: 'Set the API key first.' });
  });

  it('recognizes an ApiError of another bundle by its shape, and nothing else', () => {
    const elsewhere = Object.assign(new Error('The file is gone.'), {
      name: 'ApiError',
      code: 'gone',
    });
    expect(apiErrorOf(elsewhere)).toMatchObject({ code: 'gone', message: 'The file is gone.' });
    expect(apiErrorOf(new Error('The file is gone.'))).toBeNull();
    expect(apiErrorOf({ name: 'ApiError', code: 'teapot', message: 'x' })).toBeNull();
    expect(apiErrorOf('gone')).toBeNull();
  });
});
