import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { TrackEvent } from '../../shared/api';
import { FingerprintList } from '../engine/ledger/fingerprint-list';
import { Ledger } from '../engine/ledger/ledger';
import { createSecretStore } from '../store/secrets';
import { createMemoryKeyring } from '../store/secrets-memory';
import { createSettingsStore, type SettingsStore } from '../store/settings';
import { createMemoryClipboard } from './clipboard';
import { createSendHistoryStore } from './history-store';
import { createSendService, type SendService } from './send-service';

// The Send event screen and the duplicate guard: what it sends is recorded, so that an import of
// the same events skips them, but it is never held back (support engineers resend on purpose).

const KEY = 'test-key-0123456789';
const event: TrackEvent = {
  name: 'signup',
  timestamp: 1712123456789,
  identification: { customer: 'cus_1' },
  data: { customer: { plan: 'pro' } },
};

let dataDir: string;
let emulator: Emulator;
let settings: SettingsStore;
let service: SendService;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-send-ledger-'));
  emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
  const keyring = createMemoryKeyring();
  await keyring.set('default', KEY);
  settings = createSettingsStore({ dataDir });
  await settings.updateProfile('default', { trackerKey: 'CS-TEST1', endpoint: emulator.url });
  service = createSendService({
    settings,
    secrets: createSecretStore(keyring),
    history: createSendHistoryStore({ dataDir }),
    clipboard: createMemoryClipboard(),
    ledgerOf: (destination) => Ledger.forDestination(dataDir, destination),
    timeoutMs: 2_000,
  });
});

afterEach(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function lookUp(endpoint: string) {
  const list = new FingerprintList();
  list.add(2, event);
  return Ledger.forDestination(dataDir, { trackerKey: 'CS-TEST1', endpoint }).lookup(list);
}

describe('the Send event screen and the duplicate guard', () => {
  it('sends the same event as often as asked, and records it as sent from this screen', async () => {
    expect((await service.send({ events: [event] })).historyProblem).toBeNull();
    expect((await service.send({ events: [event] })).historyProblem).toBeNull();
    expect(emulator.received).toHaveLength(2);
    const found = await lookUp(emulator.url);
    expect(found.summary).toMatchObject({ sent: 1, sources: [{ kind: 'send' }] });
  });

  it('records an event whose answer never came as maybe sent', async () => {
    emulator.script('resetAfter');
    const outcome = await service.send({ events: [event] });
    expect(outcome.entry.result.kind).toBe('network_error');
    expect((await lookUp(emulator.url)).summary).toMatchObject({ sent: 0, maybe: 1 });
  });
});
