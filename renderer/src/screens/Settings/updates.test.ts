import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../shared/ipc-updates';
import { describeUpdate, restartBlockedReason } from './updates';

const base: UpdateStatus = {
  state: { kind: 'idle' },
  currentVersion: '0.1.0',
  automatic: true,
  importRunning: false,
  restartPending: false,
};

describe('the Updates section in words', () => {
  it('says when it last found the app up to date, and how far a download has come', () => {
    const upToDate = { ...base, state: { kind: 'upToDate', checkedAt: '2026-12-03T13:05:00Z' } };
    expect(describeUpdate(upToDate as UpdateStatus, 'Europe/Prague')).toBe(
      'Up to date: 0.1.0 is the newest version (checked 3 Dec 2026, 14:05).',
    );
    expect(
      describeUpdate({ ...base, state: { kind: 'downloading', version: '0.2.0', percent: 42 } }),
    ).toBe('Downloading version 0.2.0 in the background: 42%.');
  });

  it('says that automatic checks are off, and what to do instead', () => {
    expect(describeUpdate({ ...base, automatic: false })).toBe(
      'Automatic checks are off: click Check now to look for an update.',
    );
  });

  it('offers the restart, and while an import is sent says why it waits', () => {
    const ready: UpdateStatus = { ...base, state: { kind: 'ready', version: '0.2.0' } };
    expect(describeUpdate(ready)).toBe(
      'Version 0.2.0 is downloaded. Restart the app to install it, or it installs the next time you quit.',
    );
    expect(restartBlockedReason(ready)).toBeNull();
    const sending = { ...ready, importRunning: true };
    expect(describeUpdate(sending)).toBe(
      'Version 0.2.0 is downloaded and installs when the app restarts.',
    );
    expect(restartBlockedReason(sending)).toBe(
      'An import is being sent: restarting now would stop it. Wait until it ends, or pause it (it goes on after the restart).',
    );
    expect(describeUpdate({ ...sending, restartPending: true })).toBe(
      'Version 0.2.0 is downloaded. The app restarts to install it as soon as the import being sent ends or is paused.',
    );
  });
});
