import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventFingerprint } from '../../engine/ledger/event-fingerprint';
import { STATUS } from '../../engine/ledger/ledger-records';
import { FakeIpcMain } from './fake-ipc-main';
import { registerAllHandlers, type IpcServices } from './index';
import { createTestServices } from './test-services';

const APP_PAGE = 'app://app/index.html';
const ENDPOINT = 'https://api.customerscore.io/api/tracker/track';

let dataDir: string;
let ipc: FakeIpcMain;
let services: IpcServices;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-ipc-ledger-'));
  ipc = new FakeIpcMain();
  services = createTestServices(dataDir).services;
  registerAllHandlers(ipc, services, { isTrustedSender: (url) => url === APP_PAGE });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ledger:stats and ledger:clear', () => {
  it("tell what a profile's destination remembers, and forget it when asked", async () => {
    await services.settings.updateProfile('default', { trackerKey: 'CS-ABCD1' });
    const run = await services
      .ledgerOf({ trackerKey: 'CS-ABCD1', endpoint: ENDPOINT })
      .startRun({ kind: 'import', label: 'logins.csv', at: '2026-12-01T12:00:00Z' });
    const event = { name: 'login', timestamp: 1, identification: { customer: 'cus_1' } };
    await run.record([eventFingerprint(event)], STATUS.sent);
    await run.close();

    const stats = await ipc.invoke('ledger:stats', APP_PAGE, { profileId: 'default' });
    expect(stats).toMatchObject({
      ok: true,
      value: { destination: { trackerKey: 'CS-ABCD1', endpoint: ENDPOINT }, events: 1 },
    });
    const cleared = await ipc.invoke('ledger:clear', APP_PAGE, { profileId: 'default' });
    expect(cleared).toEqual({
      ok: true,
      value: { destination: { trackerKey: 'CS-ABCD1', endpoint: ENDPOINT }, events: 0, bytes: 0 },
    });
  });

  it('answer no destination for a profile that cannot send, and refuse an unknown profile', async () => {
    expect(await ipc.invoke('ledger:stats', APP_PAGE, { profileId: 'default' })).toEqual({
      ok: true,
      value: { destination: null, events: 0, bytes: 0 },
    });
    const unknown = await ipc.invoke('ledger:clear', APP_PAGE, { profileId: 'nobody-000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'settings' } });
  });
});
