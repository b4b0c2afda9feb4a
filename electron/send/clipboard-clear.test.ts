import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVEALED_CURL_CLEAR_SECONDS } from '../../shared/ipc-send';
import { createSecretStore } from '../store/secrets';
import { createMemoryKeyring } from '../store/secrets-memory';
import { createSettingsStore } from '../store/settings';
import { createMemoryClipboard } from './clipboard';
import type { MemoryClipboard } from './clipboard';
import type { ClearTimers } from './clipboard-clear';
import { createSendHistoryStore } from './history-store';
import { createSendService } from './send-service';
import type { SendService } from './send-service';

const KEY = 'csk_live_0123456789abcdef';
const event = {
  name: 'login',
  timestamp: 1712123456789,
  identification: { customer: 'cus_1' },
};

/** Timers that only fire when the test moves the clock, so nobody waits 30 seconds. */
function fakeTimers(): ClearTimers & { advance(ms: number): Promise<void> } {
  let now = 0;
  let nextId = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      nextId += 1;
      due.set(nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    async advance(ms) {
      now += ms;
      for (const [id, timer] of [...due]) {
        if (timer.at <= now) {
          due.delete(id);
          timer.callback();
        }
      }
      // The clear reads, then writes: let those promises settle.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const CLEAR_MS = REVEALED_CURL_CLEAR_SECONDS * 1000;
let dataDir: string;
let clipboard: MemoryClipboard;
let timers: ReturnType<typeof fakeTimers>;
let service: SendService;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-clear-'));
  const keyring = createMemoryKeyring();
  await keyring.set('default', KEY);
  const settings = createSettingsStore({ dataDir });
  await settings.updateProfile('default', {
    trackerKey: 'CS-TEST1',
    endpoint: 'https://track.example.com/v1/events',
  });
  clipboard = createMemoryClipboard();
  timers = fakeTimers();
  service = createSendService({
    settings,
    secrets: createSecretStore(keyring),
    history: createSendHistoryStore({ dataDir }),
    clipboard,
    clipboardTimers: timers,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('a curl command copied with the real key', () => {
  it('is removed from the clipboard 30 seconds later if it is still there', async () => {
    expect(REVEALED_CURL_CLEAR_SECONDS).toBe(30);
    await service.curl({ events: [event], reveal: true });
    expect(clipboard.text).toContain(KEY);

    await timers.advance(CLEAR_MS - 1);
    expect(clipboard.text).toContain(KEY);
    await timers.advance(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves what the user copied since then alone', async () => {
    await service.curl({ events: [event], reveal: true });
    await clipboard.writeText('cus_1');
    await timers.advance(CLEAR_MS);
    expect(clipboard.text).toBe('cus_1');
  });

  it('gives a second copy its own full 30 seconds', async () => {
    await service.curl({ events: [event], reveal: true });
    await timers.advance(CLEAR_MS - 5_000);
    await service.curl({ events: [event], reveal: true });
    await timers.advance(5_000);
    expect(clipboard.text).toContain(KEY);
    await timers.advance(CLEAR_MS - 5_000);
    expect(clipboard.text).toBe('');
  });

  it('is not needed for a masked copy, which stays on the clipboard', async () => {
    await service.curl({ events: [event], reveal: false });
    await timers.advance(CLEAR_MS * 2);
    expect(clipboard.text).toContain('$CUSTOMERSCORE_KEY');
  });
});
