import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc-updates';
import type { UpdatePreferences } from '../../../shared/settings';
import { codedError, createScriptedUpdater } from '../../dev/scripted-updater';
import type { ScriptedUpdater } from '../../dev/scripted-updater';
import { createUpdateService, DAY_MS } from './update-service';
import type { UpdateClock } from './update-service';

/** A clock whose timers run only when the test moves time on. */
function fakeClock(start = Date.parse('2026-12-03T09:00:00Z')) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: UpdateClock = {
    now: () => new Date(now),
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  return {
    clock,
    pending: () => timers.size,
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
  };
}

/** Lets the service's awaited promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Setup {
  updater?: ScriptedUpdater | null;
  automatic?: boolean;
}

function setup({ updater = createScriptedUpdater(), automatic = true }: Setup = {}) {
  const time = fakeClock();
  let preferences: UpdatePreferences = { automatic };
  let importRunning = false;
  let stoppedImports = 0;
  const seen: UpdateStatus[] = [];
  const service = createUpdateService({
    updater,
    currentVersion: '0.1.0',
    clock: time.clock,
    preferences: {
      updatePreferences: async () => preferences,
      setUpdatePreferences: async (next) => (preferences = next),
    },
    isImportRunning: () => importRunning,
    stopImports: async () => {
      stoppedImports += 1;
    },
    onChange: (status) => seen.push(status),
  });
  return {
    service,
    time,
    seen,
    kinds: () => seen.map((status) => status.state.kind),
    preferences: () => preferences,
    stoppedImports: () => stoppedImports,
    setImportRunning(running: boolean) {
      importRunning = running;
      service.importsChanged();
    },
  };
}

describe('the update service', () => {
  it('with no newer version: checks at start, says up to date and when, and checks again a day later', async () => {
    const updater = createScriptedUpdater();
    const { service, time, kinds } = setup({ updater });
    await service.start();
    expect(updater.checks).toBe(1);
    expect(kinds()).toEqual(['idle', 'checking', 'upToDate']);
    expect((await service.status()).state).toEqual({
      kind: 'upToDate',
      checkedAt: '2026-12-03T09:00:00.000Z',
    });
    expect(updater.downloading).toBe(false);

    time.advance(DAY_MS - 60_000);
    expect(updater.checks).toBe(1);
    time.advance(60_000);
    await settle();
    expect(updater.checks).toBe(2);
    // And the day after that: one timer at a time, never piling up.
    expect(time.pending()).toBe(1);
    time.advance(DAY_MS);
    await settle();
    expect(updater.checks).toBe(3);
    expect(time.pending()).toBe(1);
    service.stop();
    expect(time.pending()).toBe(0);
  });

  it('with a newer version: downloads it in the background, shows the percentage, then offers the restart', async () => {
    const updater = createScriptedUpdater();
    updater.nextCheck = { version: '0.2.0' };
    const { service, seen, stoppedImports } = setup({ updater });
    const started = service.start();
    await settle();
    expect(updater.downloading).toBe(true);
    expect((await service.status()).state).toEqual({
      kind: 'downloading',
      version: '0.2.0',
      percent: 0,
    });
    updater.progress(41.7);
    updater.progress(41.9); // the same whole percent: no new event
    expect(seen.at(-1)?.state).toEqual({ kind: 'downloading', version: '0.2.0', percent: 41 });
    expect(seen.filter((status) => status.state.kind === 'downloading')).toHaveLength(2);
    updater.finishDownload();
    await started;
    expect((await service.status()).state).toEqual({ kind: 'ready', version: '0.2.0' });

    // Checking again offers the same download instead of fetching it twice.
    await service.checkNow();
    expect(updater.checks).toBe(1);

    const after = await service.restart();
    expect(stoppedImports()).toBe(1);
    expect(updater.installs).toBe(1);
    expect(after).toMatchObject({
      state: { kind: 'restarting', version: '0.2.0' },
      restartPending: false,
    });
    // A second press while it restarts does nothing more.
    await service.restart();
    expect(updater.installs).toBe(1);
  });

  it('when the download fails: says why in a sentence, and Check now tries again', async () => {
    const updater = createScriptedUpdater();
    updater.nextCheck = { version: '0.2.0' };
    const { service } = setup({ updater });
    const started = service.start();
    await settle();
    updater.failDownload(
      codedError('sha512 checksum mismatch, expected abc', 'ERR_CHECKSUM_MISMATCH'),
    );
    await started;
    const failed = await service.status();
    expect(failed.state).toEqual({
      kind: 'failed',
      message:
        'The downloaded update was damaged on the way (its checksum does not match), so it was thrown away: click Check now to download it again.',
    });
    // Nothing to restart into.
    await service.restart();
    expect(updater.installs).toBe(0);

    // Check now answers as soon as the feed has; the download goes on in the background.
    const again = await service.checkNow();
    expect(again.state).toEqual({ kind: 'downloading', version: '0.2.0', percent: 0 });
    updater.finishDownload();
    await settle();
    expect((await service.status()).state).toEqual({ kind: 'ready', version: '0.2.0' });
  });

  it('when the update server cannot be reached: says to check the connection', async () => {
    const updater = createScriptedUpdater();
    updater.nextCheck = { error: codedError('getaddrinfo ENOTFOUND github.com', 'ENOTFOUND') };
    const { service } = setup({ updater });
    await service.start();
    expect((await service.status()).state).toEqual({
      kind: 'failed',
      message:
        'The update server could not be reached: check the internet connection, then click Check now.',
    });
  });

  it('during a running import: never restarts; a restart asked for waits until the import ends', async () => {
    const updater = createScriptedUpdater();
    updater.nextCheck = { version: '0.2.0' };
    const { service, setImportRunning, stoppedImports, seen } = setup({ updater });
    setImportRunning(true);
    const started = service.start();
    await settle();
    updater.finishDownload();
    await started;
    const ready = await service.status();
    expect(ready).toMatchObject({ state: { kind: 'ready' }, importRunning: true });

    const asked = await service.restart();
    expect(asked.restartPending).toBe(true);
    expect(updater.installs).toBe(0);
    expect(stoppedImports()).toBe(0);

    // Still running (a progress update, say): still waiting.
    service.importsChanged();
    await settle();
    expect(updater.installs).toBe(0);

    setImportRunning(false);
    await settle();
    expect(stoppedImports()).toBe(1);
    expect(updater.installs).toBe(1);
    expect(seen.some((status) => status.restartPending)).toBe(true);
  });

  it('tells the page when an import starts or stops, so the restart button can say why it waits', async () => {
    const { service, setImportRunning, seen } = setup({ automatic: false });
    await service.start();
    const before = seen.length;
    setImportRunning(true);
    expect(seen.at(-1)?.importRunning).toBe(true);
    service.importsChanged(); // no change: no event
    expect(seen).toHaveLength(before + 1);
    setImportRunning(false);
    expect(seen.at(-1)?.importRunning).toBe(false);
  });

  it('with automatic checks off: no check at start nor a day later, but Check now checks', async () => {
    const updater = createScriptedUpdater();
    const { service, time } = setup({ updater, automatic: false });
    await service.start();
    expect(updater.checks).toBe(0);
    expect(await service.status()).toMatchObject({ state: { kind: 'idle' }, automatic: false });
    time.advance(2 * DAY_MS);
    expect(updater.checks).toBe(0);
    expect(time.pending()).toBe(0);

    const now = await service.checkNow();
    expect(updater.checks).toBe(1);
    expect(now.state.kind).toBe('upToDate');
  });

  it('keeps the automatic choice in the settings and starts or stops the daily check with it', async () => {
    const updater = createScriptedUpdater();
    const { service, time, preferences } = setup({ updater });
    await service.start();
    expect(time.pending()).toBe(1);
    expect((await service.setAutomatic(false)).automatic).toBe(false);
    expect(preferences()).toEqual({ automatic: false });
    expect(time.pending()).toBe(0);
    time.advance(DAY_MS);
    expect(updater.checks).toBe(1);

    expect((await service.setAutomatic(true)).automatic).toBe(true);
    expect(preferences()).toEqual({ automatic: true });
    time.advance(DAY_MS);
    await settle();
    expect(updater.checks).toBe(2);
  });

  it('in a build that cannot update itself: says so, and checking does nothing', async () => {
    const { service } = setup({ updater: null });
    await service.start();
    const status = await service.checkNow();
    expect(status.state).toEqual({
      kind: 'unavailable',
      message: 'This build does not update itself: install the app from a release to get updates.',
    });
    expect(status.currentVersion).toBe('0.1.0');
  });
});
