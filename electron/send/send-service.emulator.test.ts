import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../e2e/emulator/emulator';
import type { Emulator } from '../../e2e/emulator/emulator';
import { UserError } from '../../shared/user-error';
import { createSecretStore } from '../store/secrets';
import { createMemoryKeyring } from '../store/secrets-memory';
import type { MemoryKeyring } from '../store/secrets-memory';
import { createSettingsStore } from '../store/settings';
import type { SettingsStore } from '../store/settings';
import { createMemoryClipboard } from './clipboard';
import type { MemoryClipboard } from './clipboard';
import { createSendHistoryStore } from './history-store';
import type { SendHistoryStore } from './history-store';
import { createSendService } from './send-service';
import type { SendService } from './send-service';

const KEY = 'test-key-0123456789';
const event = {
  name: 'signup',
  timestamp: 1712123456789,
  identification: { customer: 'cus_1', contact: 'con_1' },
  data: { customer: { plan: 'pro', seats: 3 }, contact: { email: 'ana@example.com' } },
};

let dataDir: string;
let emulator: Emulator;
let keyring: MemoryKeyring;
let settings: SettingsStore;
let history: SendHistoryStore;
let clipboard: MemoryClipboard;
let service: SendService;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-send-'));
  emulator = await startEmulator({
    apiKeys: [KEY],
    forbiddenKeys: ['weak-key-1234'],
    rateLimit: null,
  });
  keyring = createMemoryKeyring();
  await keyring.set('default', KEY);
  settings = createSettingsStore({ dataDir });
  await settings.updateProfile('default', { trackerKey: 'CS-TEST1', endpoint: emulator.url });
  history = createSendHistoryStore({ dataDir });
  clipboard = createMemoryClipboard();
  service = createSendService({
    settings,
    secrets: createSecretStore(keyring),
    history,
    clipboard,
  });
});

afterEach(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('sending from the builder', () => {
  it('delivers exactly the event built, with the profile tracker key, and records it', async () => {
    const outcome = await service.send({ events: [event] });

    expect(outcome).toMatchObject({ historyProblem: null });
    expect(outcome.entry.result).toMatchObject({ kind: 'response', status: 200, retryAt: null });
    expect(emulator.received.map((item) => item.event)).toEqual([event]);
    expect(emulator.received[0]?.trackerKey).toBe('CS-TEST1');
    expect(JSON.parse(outcome.entry.requestBody)).toEqual({
      trackerKey: 'CS-TEST1',
      events: [event],
    });
    expect(outcome.entry.profile).toEqual({ id: 'default', name: 'default' });
    expect(await history.get(outcome.entry.id)).toEqual(outcome.entry);
  });

  it('fills {{now}} with the time of sending', async () => {
    const before = Date.now();
    const outcome = await service.send({ events: [{ ...event, timestamp: '{{now}}' }] });
    const after = Date.now();
    expect(outcome.entry.result).toMatchObject({ kind: 'response', status: 200 });
    const sent = emulator.received[0]?.event.timestamp ?? 0;
    expect(sent).toBeGreaterThanOrEqual(before);
    expect(sent).toBeLessThanOrEqual(after);
  });

  it('reports a 401 with the status and the server body, and keeps it in the history', async () => {
    await keyring.set('default', 'wrong-key-5678');
    const outcome = await service.send({ events: [event] });
    expect(outcome.entry.result).toMatchObject({ kind: 'response', status: 401 });
    expect(emulator.received).toEqual([]);
    expect((await history.list()).entries.map((item) => item.status)).toEqual([401]);
  });

  it('reports when to try again after a 429', async () => {
    emulator.script({ fault: 'tooManyRequests', retryAfterSeconds: 7 });
    const before = Date.now();
    const outcome = await service.send({ events: [event] });
    if (outcome.entry.result.kind !== 'response') throw new Error('no answer');
    expect(outcome.entry.result.status).toBe(429);
    expect(outcome.entry.result.retryAfter).toBe('7');
    expect(outcome.entry.result.retryAt).toBeGreaterThanOrEqual(before + 7_000);
  });

  it('says plainly when nothing answers', async () => {
    const closed = await freePort();
    await settings.updateProfile('default', {
      endpoint: `http://127.0.0.1:${closed}/api/tracker/track`,
    });
    const outcome = await service.send({ events: [event] });
    expect(outcome.entry.result).toEqual({
      kind: 'network_error',
      message: expect.stringMatching(
        /^No answer from the server: The server refused the connection\. Nothing was sent\./,
      ),
    });
  });

  it('sends nothing without an API key and says where to fix it', async () => {
    await keyring.delete('default');
    const notSent = service.send({ events: [event] });
    await expect(notSent).rejects.toBeInstanceOf(UserError);
    await expect(notSent).rejects.toMatchObject({
      message: expect.stringMatching(/No API key .* Settings/),
      code: 'settings',
    });
    expect(emulator.requests).toEqual([]);
    expect(await service.target()).toMatchObject({
      keyState: 'missing',
      problem: expect.stringMatching(/Settings/),
    });
  });

  it('sends nothing when the keychain is unavailable', async () => {
    keyring.setAvailable(false);
    await expect(service.send({ events: [event] })).rejects.toMatchObject({
      code: 'settings',
      message: expect.stringMatching(/keychain/),
    });
    expect((await service.target()).keyState).toBe('unavailable');
  });

  it('resends through the profile a history entry was sent with', async () => {
    await settings.createProfile({ name: 'Other', trackerKey: 'CS-TEST1', endpoint: emulator.url });
    const other = (await settings.listProfiles()).find((item) => item.name === 'Other');
    await settings.setActiveProfile(other?.id ?? '');
    const outcome = await service.send({ events: [event], profileId: 'default' });
    expect(outcome.entry.profile.id).toBe('default');
    await expect(service.send({ events: [event], profileId: 'gone' })).rejects.toBeInstanceOf(
      UserError,
    );
  });
});

describe('copy as curl', () => {
  it('answers and copies a masked command by default', async () => {
    const result = await service.curl({ events: [event], reveal: false });
    expect(result).toEqual({ revealed: false, command: clipboard.text });
    expect(clipboard.text).toContain('"customerscore-key: $CUSTOMERSCORE_KEY"');
    expect(clipboard.text).not.toContain(KEY);
  });

  it('puts the key only on the clipboard when revealed', async () => {
    const result = await service.curl({ events: [event], reveal: true });
    expect(result).toEqual({ revealed: true, command: null });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(clipboard.text).toContain(`'customerscore-key: ${KEY}'`);
  });
});

describe('what stays on disk', () => {
  it('never holds the API key', async () => {
    await service.send({ events: [event] });
    await service.curl({ events: [event], reveal: true });
    const files: string[] = [];
    for (const name of await readdir(dataDir, { recursive: true })) {
      if ((await stat(path.join(dataDir, name))).isFile())
        files.push(name.split(path.sep).join('/'));
    }
    // The files the send wrote are there to search: the profile and the request in the history.
    expect(files).toEqual(
      expect.arrayContaining(['settings.json', expect.stringMatching(/^send-history\/.+\.json$/)]),
    );
    const texts = await Promise.all(
      files.map((file) => readFile(path.join(dataDir, file), 'utf8')),
    );
    expect(texts.some((text) => text.includes('CS-TEST1'))).toBe(true);
    for (const text of texts) expect(text).not.toContain(KEY);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
