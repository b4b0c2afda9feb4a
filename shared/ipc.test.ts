import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  appInfoSchema,
  ipcChannelPattern,
  ipcChannels,
  ipcEvents,
  ipcRequests,
  ipcResultSchema,
  splitIpcChannel,
} from './ipc';
import type { AppApi, AppInfo, IpcRequest, IpcResponse } from './ipc';

describe('the IPC contract', () => {
  it('names every request channel domain:verb and gives it a request and a response schema', () => {
    expect(ipcChannels.length).toBeGreaterThan(0);
    for (const [channel, spec] of Object.entries(ipcRequests)) {
      expect(channel).toMatch(ipcChannelPattern);
      expect(spec.request).toBeInstanceOf(z.ZodType);
      expect(spec.response).toBeInstanceOf(z.ZodType);
    }
  });

  it('names every event channel domain:verb and gives it a payload schema', () => {
    for (const [channel, schema] of Object.entries(ipcEvents)) {
      expect(channel).toMatch(ipcChannelPattern);
      expect(schema).toBeInstanceOf(z.ZodType);
    }
  });

  it('does not reuse a name for both a request and an event', () => {
    const events = new Set(Object.keys(ipcEvents));
    expect(ipcChannels.filter((channel) => events.has(channel))).toEqual([]);
  });

  it.each(['app', 'app:', ':getInfo', 'App:getInfo', 'app:get-info', 'app:get:info'])(
    'refuses the malformed channel name %j',
    (name) => {
      expect(ipcChannelPattern.test(name)).toBe(false);
      expect(() => splitIpcChannel(name)).toThrow(/domain:verb/);
    },
  );

  it('splits a channel into domain and verb', () => {
    expect(splitIpcChannel('app:getInfo')).toEqual({ domain: 'app', verb: 'getInfo' });
  });
});

describe('app:getInfo', () => {
  const info: AppInfo = {
    name: 'Customerscore Importer',
    version: '0.1.0',
    platform: 'darwin',
    dataDir: '/Users/ana/Library/Application Support/Customerscore Importer',
  };

  it('takes no payload', () => {
    expect(ipcRequests['app:getInfo'].request.safeParse(undefined).success).toBe(true);
    expect(ipcRequests['app:getInfo'].request.safeParse({ evil: true }).success).toBe(false);
  });

  it('answers name, version, platform and data directory', () => {
    expect(appInfoSchema.parse(info)).toEqual(info);
    expect(appInfoSchema.safeParse({ ...info, dataDir: '' }).success).toBe(false);
  });

  it('is exposed as api.app.getInfo() resolving with the info', () => {
    expectTypeOf<IpcRequest<'app:getInfo'>>().toEqualTypeOf<undefined>();
    expectTypeOf<IpcResponse<'app:getInfo'>>().toEqualTypeOf<AppInfo>();
    expectTypeOf<ReturnType<AppApi['app']['getInfo']>>().toEqualTypeOf<Promise<AppInfo>>();
    expectTypeOf<AppApi['app']['getInfo']>().toBeCallableWith();
  });
});

describe('the result envelope', () => {
  const schema = ipcResultSchema(z.number());

  it('accepts a success carrying a valid value', () => {
    expect(schema.parse({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
  });

  it('accepts a typed failure', () => {
    const failure = { ok: false, error: { code: 'invalid_request', message: 'Missing name.' } };
    expect(schema.parse(failure)).toEqual(failure);
  });

  it.each([
    { ok: true, value: 'three' },
    { ok: false, error: { code: 'teapot', message: 'no' } },
    { ok: false },
    { value: 3 },
    null,
  ])('refuses the malformed envelope %j', (envelope) => {
    expect(schema.safeParse(envelope).success).toBe(false);
  });
});
