import { describe, expect, it } from 'vitest';
import type { FileLike, IpcChannel, IpcEventChannel } from '../../shared/ipc';
import { ipcEventMethod } from '../../shared/ipc';
import type { ApiBridge, Subscribe } from './create-api';
import { createApi } from './create-api';

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
    getPathForFile: (file: FileLike) => Promise<string>;
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

describe('createApi: getPathForFile', () => {
  it('answers the path the bridge finds for the file', async () => {
    const api = apiWith({ getPathForFile: (picked) => `/home/ana/${picked.name}` });
    expect(await api.getPathForFile(file)).toBe('/home/ana/people.csv');
  });

  it('rejects in words when the file has no path on disk', async () => {
    const api = apiWith({ getPathForFile: () => '' });
    await expect(api.getPathForFile(file)).rejects.toThrow(/could not find this file on disk/);
  });

  it('rejects in words when the window cannot hand over files', async () => {
    const api = apiWith({});
    await expect(api.getPathForFile(file)).rejects.toThrow(/cannot hand files/);
  });
});
