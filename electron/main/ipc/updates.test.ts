import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScriptedUpdater } from '../../dev/scripted-updater';
import type { ScriptedUpdater } from '../../dev/scripted-updater';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers } from './index';
import { createTestServices } from './test-services';
import type { TestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';

let dataDir: string;
let ipc: FakeIpcMain;
let world: TestServices;
let updater: ScriptedUpdater;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-updates-'));
  ipc = new FakeIpcMain();
  updater = createScriptedUpdater();
  world = createTestServices(dataDir, { updater });
  registerAllHandlers(ipc, world.services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  world.services.updates.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('updates:* over IPC', () => {
  it('answers the installed version and state, checks when asked, and tells the page each change', async () => {
    const first = await ipc.invoke('updates:status', APP_PAGE, undefined);
    expect(first).toEqual({
      ok: true,
      value: {
        state: { kind: 'idle' },
        currentVersion: '0.1.0',
        automatic: true,
        importRunning: false,
        restartPending: false,
      },
    });
    updater.nextCheck = { version: '0.2.0' };
    // Answered once the feed has; the download goes on and is told by events.
    expect(await ipc.invoke('updates:check', APP_PAGE, undefined)).toMatchObject({
      ok: true,
      value: { state: { kind: 'downloading', version: '0.2.0', percent: 0 } },
    });
    updater.progress(50);
    updater.finishDownload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await ipc.invoke('updates:status', APP_PAGE, undefined)).toMatchObject({
      ok: true,
      value: { state: { kind: 'ready', version: '0.2.0' } },
    });
    const states = world.events
      .filter((event) => event.channel === 'updates:changed')
      .map((event) => (event.payload as { state: { kind: string } }).state.kind);
    expect(states).toEqual(['checking', 'downloading', 'downloading', 'ready']);
  });

  it('keeps "Check for updates automatically" in settings.json', async () => {
    const off = await ipc.invoke('updates:setAutomatic', APP_PAGE, { automatic: false });
    expect(off).toMatchObject({ ok: true, value: { automatic: false } });
    const file = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as {
      updates: unknown;
    };
    expect(file.updates).toEqual({ automatic: false });
    const refused = await ipc.invoke('updates:setAutomatic', APP_PAGE, { automatic: 'no' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
