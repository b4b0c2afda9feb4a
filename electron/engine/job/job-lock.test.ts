import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireJobLock, JobLockedError, LOCK_FILE, type LockHolder } from './job-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'job-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A lock left in the folder by some other process. */
async function leaveLock(holder: Partial<LockHolder>): Promise<void> {
  const full: LockHolder = {
    pid: 4242,
    host: hostname(),
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    token: 'ab'.repeat(12),
    ...holder,
  };
  await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(full));
}

const lockFile = async () =>
  JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockHolder;

describe('the sender lock of a job', () => {
  it('holds the process id, host and start time, and a second acquire refuses naming them', async () => {
    const lock = await acquireJobLock(dir, { now: () => Date.UTC(2026, 11, 3, 14, 2) });
    const written = await lockFile();
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    expect(written.startedAt).toBe('2026-12-03T14:02:00.000Z');

    const second = acquireJobLock(dir);
    await expect(second).rejects.toBeInstanceOf(JobLockedError);
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    await expect(second).rejects.toThrow(
      new RegExp(
        `^This import is being sent by another program on this computer \\(process ${process.pid}, since \\d{1,2} Dec 2026 \\d\\d:\\d\\d\\)\\. Wait for it to finish, or stop it, then resume\\.$`,
      ),
    );
    await lock.release();
  });

  it('is released on end, and can be taken again', async () => {
    const lock = await acquireJobLock(dir);
    await lock.release();
    await lock.release(); // twice is harmless
    expect(await readdir(dir)).toEqual([]);
    const again = await acquireJobLock(dir);
    await again.release();
  });

  it('takes over a lock whose process is gone from this computer', async () => {
    await leaveLock({ pid: 4242 });
    const lock = await acquireJobLock(dir, { isRunning: () => false });
    expect((await lockFile()).token).toBe(lock.holder.token);
    await lock.release();
    expect(await readdir(dir)).toEqual([]); // no guard file left behind
  });

  it('refuses a lock of a live process, and one taken on another computer', async () => {
    // Taken a minute ago (a fixed time could fall before this computer last started, which
    // makes a lock stale whatever runs under its process id now).
    await leaveLock({ pid: 4242 });
    await expect(acquireJobLock(dir, { isRunning: (pid) => pid === 4242 })).rejects.toThrow(
      /another program on this computer \(process 4242, since \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d\)/,
    );

    await leaveLock({ pid: 4242, host: 'office-pc-7' });
    // Whether 4242 runs here says nothing about the other computer.
    await expect(acquireJobLock(dir, { isRunning: () => false })).rejects.toThrow(
      /^This import is being sent from another computer, office-pc-7 \(process 4242, since .+\)\. Wait for it to finish, or stop it, then resume\.$/,
    );
    expect((await lockFile()).host).toBe('office-pc-7');
  });

  it('lets exactly one of many takers win a stale lock taken over at the same time', async () => {
    for (let round = 0; round < 20; round += 1) {
      await leaveLock({ pid: 4242, token: `${String(round).padStart(2, '0')}`.repeat(8) });
      const tries = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          acquireJobLock(dir, { pid: 5000 + i, isRunning: (pid) => pid !== 4242 }),
        ),
      );
      const won = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
      expect(won).toHaveLength(1);
      for (const t of tries) {
        if (t.status === 'rejected') expect(t.reason).toBeInstanceOf(JobLockedError);
      }
      expect((await lockFile()).token).toBe(won[0]?.holder.token);
      await won[0]?.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('takes over a lock left by an earlier process that had this process id', async () => {
    await leaveLock({ pid: process.pid });
    const lock = await acquireJobLock(dir);
    expect((await lockFile()).token).toBe(lock.holder.token);
    await lock.release();
  });

  it('waits out a lock still being written, and takes over one left empty by a crash', async () => {
    await writeFile(path.join(dir, LOCK_FILE), '');
    let clock = Date.now();
    await expect(acquireJobLock(dir, { now: () => clock })).rejects.toThrow(
      /being started by another program/,
    );
    clock += 60_000;
    const lock = await acquireJobLock(dir, { now: () => clock });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });
});
