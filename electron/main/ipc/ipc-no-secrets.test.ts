import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../../shared/ipc';
import { fileRegisterChannel, ipcChannels } from '../../../shared/ipc';
import { loadChannelSamples } from './channel-samples';
import type { ChannelSamples, SampleContext } from './channel-samples';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

// docs/security.md items 1 and 9, over every channel of the contract with the real services: a
// known API key sits in the (memory) keychain of every profile, every channel is called with valid
// requests, and no answer contains the key; forged senders are refused on every channel.

const APP_PAGE = 'app://app/index.html';
const KEY = 'csk_live_Zq7NwX2b9LrT4kPv8s6M';

let dataDir: string;
let world: TestServices;
let ipc: FakeIpcMain;
let samples: ChannelSamples;

/** Registers a file as the preload does, and answers its handle. */
async function registerFile(filePath: string): Promise<string> {
  const answer = await ipc.invoke(fileRegisterChannel, APP_PAGE, { path: filePath });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { handle: string }).handle;
}

/** The valid requests of `channel` (see `<domain>.samples.ts`), or none. */
async function samplesOf(channel: IpcChannel): Promise<unknown[]> {
  const make = samples[channel] as ((context: SampleContext) => unknown) | undefined;
  return make === undefined ? [] : ((await make({ dataDir, registerFile })) as unknown[]);
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-all-'));
  world = createTestServices(dataDir);
  samples = await loadChannelSamples();
  ipc = new FakeIpcMain();
  registerAllHandlers(ipc, world.services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Puts the key back on every profile, so each call finds it there. */
async function keyOnEveryProfile(): Promise<void> {
  for (const profile of await world.services.settings.listProfiles()) {
    await world.keyring.set(profile.id, KEY);
  }
}

/** The key, or any 8 characters of it in a row (more than the status's last 4). */
function leaks(text: string): boolean {
  for (let start = 0; start + 8 <= KEY.length; start += 1) {
    if (text.includes(KEY.slice(start, start + 8))) return true;
  }
  return false;
}

describe('every channel, called with a key in the keychain', () => {
  it('has sample requests (in electron/main/ipc/<domain>.samples.ts) for every channel', () => {
    expect(ipcChannels.filter((channel) => samples[channel] === undefined)).toEqual([]);
  });

  it('never answers with the key, for valid and invalid requests alike', async () => {
    const answers: string[] = [];
    const order = Object.keys(samples) as IpcChannel[];
    for (const channel of [...order, ...ipcChannels.filter((c) => !order.includes(c))]) {
      for (const payload of [...(await samplesOf(channel)), { key: KEY }, KEY]) {
        await keyOnEveryProfile();
        const answer = JSON.stringify(await ipc.invoke(channel, APP_PAGE, payload));
        answers.push(answer);
        expect({ channel, payload, leaked: leaks(answer) }).toEqual({
          channel,
          payload,
          leaked: false,
        });
      }
    }
    // The calls reached the handlers: the key status came back with its last 4 only.
    expect(answers.some((answer) => answer.includes(`"last4":"${KEY.slice(-4)}"`))).toBe(true);
    // ...and a profile change came back with the settings afterwards.
    expect(answers.some((answer) => answer.includes('"settings":{"profiles":'))).toBe(true);
  });
});

describe('every channel refuses a sender that is not the app', () => {
  const forged: [string, string | null][] = [
    ['a destroyed frame', null],
    ['a remote site', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike app:// host', 'app://app.evil.example/'],
  ];

  it.each(forged)('%s, without touching the data or the keychain', async (_name, frameUrl) => {
    const calls: [IpcChannel, unknown][] = [];
    for (const channel of ipcChannels) {
      const payloads = await samplesOf(channel);
      for (const payload of payloads.length > 0 ? payloads : [undefined]) {
        calls.push([channel, payload]);
      }
    }
    // Samples may prepare files (something to open): what counts is that the calls change nothing.
    const before = await readdir(dataDir, { recursive: true });
    // The preload's own channel too: no forged page registers a path.
    calls.push([fileRegisterChannel as IpcChannel, { path: path.join(dataDir, 'sample.csv') }]);
    for (const [channel, payload] of calls) {
      expect(await ipc.invoke(channel, frameUrl, payload)).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: expect.stringMatching(/not trust/) },
      });
    }
    expect(await readdir(dataDir, { recursive: true })).toEqual(before);
    expect(world.keyring.entries.size).toBe(0);
  });
});
