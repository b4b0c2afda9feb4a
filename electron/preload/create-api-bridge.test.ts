import { describe, expect, it } from 'vitest';
import type { FileLike, IpcChannel, IpcEventChannel, RegisteredFile } from '../../shared/ipc';
import { apiErrorOf, fileRegisterChannel, ipcEventMethod } from '../../shared/ipc';
import type { ApiBridge, Subscribe } from './create-api';
import { createApi, registerByPath } from './create-api';

// The contract has no event channels yet, so these tests bring their own.
const events = ['import:progress', 'import:finished'] as unknown as IpcEventChannel[];
const requests: IpcChannel[] = ['app:getInfo'];

function fakeSubscribe() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: Subscribe = (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  };
  // What the transport would deliver: Electron hands over an event object before the payload.
  const deliver = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { subscribe, deliver, listeners };
}

function apiWith(bridge: ApiBridge) {
  const api = createApi(async () => ({ ok: true, value: null }), {
    channels: { requests, events },
    ...bridge,
  });
  return api as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>> & {
    registerFile: (file: FileLike) => Promise<RegisteredFile>;
  };
}

const file: FileLike = { name: 'people.csv', size: 3, arrayBuffer: async () => new ArrayBuffer(3) };

describe('createApi: events', () => {
  it('names one on<Event> function per event channel, beside the domain requests', () => {
    const api = apiWith(fakeSubscribe());
    expect(Object.keys(api['import'] ?? {}).sort()).toEqual(['onFinished', 'onProgress']);
    expect(api['import']?.['onProgress']?.name).toBe('onProgress');
    expect(ipcEventMethod('import:progress')).toEqual({ domain: 'import', method: 'onProgress' });
    expect(Object.isFrozen(api['import'])).toBe(true);
  });

  it('gives listeners the payload alone, only for their channel, until they unsubscribe', () => {
    const transport = fakeSubscribe();
    const api = apiWith(transport);
    const received: unknown[][] = [];
    const stop = api['import']?.['onProgress']?.((...args: unknown[]) =>
      received.push(args),
    ) as () => void;

    transport.deliver('import:progress', { sent: 100 });
    transport.deliver('import:finished', { sent: 200 });
    stop();
    stop();
    transport.deliver('import:progress', { sent: 300 });

    expect(received).toEqual([[{ sent: 100 }]]);
    expect(transport.listeners.get('import:progress')?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const api = apiWith(fakeSubscribe());
    expect(() => api['import']?.['onProgress']?.('not a function')).toThrow(TypeError);
  });

  it('refuses a contract where an event method would shadow a request', () => {
    expect(() =>
      createApi(async () => null, {
        channels: {
          requests: ['import:onProgress'] as unknown as IpcChannel[],
          events: ['import:progress'] as unknown as IpcEventChannel[],
        },
      }),
    ).toThrow(/defined twice/);
  });
});

/** The preload's registration over a fake main process that answers a handle per path. */
function preloadRegistration(pathOf: (file: FileLike) => string) {
  const sent: { channel: string; payload: unknown }[] = [];
  const registerFile = registerByPath(pathOf, async (channel, payload) => {
    sent.push({ channel, payload });
    return { ok: true, value: { handle: 'f-1234', name: 'people.csv', path: payload.path } };
  });
  return { registerFile, sent };
}

/** What a rejection looks like to the page (`callApi` turns the data back into an ApiError). */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const reason: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  const error = apiErrorOf(reason);
  if (!error) throw new Error(`Expected an ApiError, got ${String(reason)}`);
  return { code: error.code, message: error.message };
}

describe('createApi: registerFile', () => {
  it('sends the path over the preload channel and gives the page only handle and name', async () => {
    const { registerFile, sent } = preloadRegistration((picked) => `/home/ana/${picked.name}`);
    const api = apiWith({ registerFile, failuresAsData: true });
    expect(await api.registerFile(file)).toEqual({ handle: 'f-1234', name: 'people.csv' });
    expect(sent).toEqual([
      { channel: fileRegisterChannel, payload: { path: '/home/ana/people.csv' } },
    ]);
  });

  it('refuses in words a File made in the page (Electron finds no path for it)', async () => {
    const { registerFile, sent } = preloadRegistration(() => '');
    const api = apiWith({ registerFile, failuresAsData: true });
    expect(await refusalOf(api.registerFile(file))).toEqual({
      code: 'unreadable',
      message: 'The app could not find this file on disk. Please choose it again.',
    });
    expect(sent).toEqual([]);
  });

  it('passes on the main process refusal with its code and words', async () => {
    const refused = { ok: false, error: { code: 'forbidden_sender', message: 'Not trusted.' } };
    const api = apiWith({ registerFile: async () => refused });
    expect(await refusalOf(api.registerFile(file))).toEqual({
      code: 'forbidden_sender',
      message: 'Not trusted.',
    });
  });

  it('refuses an answer without a handle', async () => {
    const api = apiWith({
      registerFile: async () => ({ ok: true, value: { path: '/etc/passwd' } }),
    });
    expect(await refusalOf(api.registerFile(file))).toMatchObject({ code: 'internal' });
  });

  it('rejects in words when the window cannot hand over files', async () => {
    const api = apiWith({});
    expect(await refusalOf(api.registerFile(file))).toMatchObject({
      message: expect.stringMatching(/cannot hand files/),
    });
  });
});
