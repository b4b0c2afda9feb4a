import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../../shared/user-error';

// One sender per job, across processes: the API has no idempotency key, so two programs resuming
// the same job would each send the rest (and interleave their records in one journal). The job's
// folder holds `sender.lock` while a program sends it; it is created with O_EXCL, so of two
// programs starting at once exactly one gets it.

/** The lock file's name inside a job's folder. */
export const LOCK_FILE = 'sender.lock';

const holderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  /** Unique to this holding: a takeover removes exactly the lock it judged stale, never a newer one. */
  token: z.string().regex(/^[0-9a-f]{16,64}$/),
});
/** Who holds a job: written as JSON into the lock file. */
export type LockHolder = z.infer<typeof holderSchema>;

export interface JobLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still this one; safe to call more than once. */
  release(): Promise<void>;
}

export interface LockOptions {
  pid?: number;
  host?: string;
  now?: () => number;
  /** Whether a process of this computer is running (default: `process.kill(pid, 0)`). */
  isRunning?: (pid: number) => boolean;
}

/** A job another program is sending; the message names it and since when. */
export class JobLockedError extends UserError {
  override readonly name = 'JobLockedError';

  constructor(
    /** Null when the lock is still being written by whoever is starting to send. */
    readonly holder: LockHolder | null,
    ownHost: string,
  ) {
    super('conflict', lockedMessage(holder, ownHost));
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Dec 2026 14:02", in this computer's time. */
function since(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'an unknown time';
  const hh = String(at.getHours()).padStart(2, '0');
  const mm = String(at.getMinutes()).padStart(2, '0');
  return `${at.getDate()} ${MONTHS[at.getMonth()] ?? ''} ${at.getFullYear()} ${hh}:${mm}`;
}

function lockedMessage(holder: LockHolder | null, ownHost: string): string {
  if (!holder) {
    return 'This import is being started by another program on this computer. Wait for it to finish, or stop it, then resume.';
  }
  const when = since(holder.startedAt);
  const who =
    holder.host === ownHost
      ? `by another program on this computer (process ${holder.pid}, since ${when})`
      : `from another computer, ${holder.host} (process ${holder.pid}, since ${when})`;
  return `This import is being sent ${who}. Wait for it to finish, or stop it, then resume.`;
}

/** Whether a process of this computer runs (`process.kill(pid, 0)`; EPERM: it runs as another user). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** A lock file that is empty or not ours to read: being written, or left by a crash while written. */
const TORN_GRACE_MS = 10_000;
const ATTEMPTS = 50;
const RETRY_MS = 20;

/** Locks still held by this process, removed if it exits without releasing them. */
const held = new Map<string, string>();
/** Tokens of this process's locks and takeover guards: never judged stale by this process. */
const ownTokens = new Set<string>();
let exitHookInstalled = false;

type Found = { kind: 'holder'; holder: LockHolder } | { kind: 'torn'; id: string; old: boolean };

async function readLock(file: string, now: number): Promise<Found | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { kind: 'holder', holder: holderSchema.parse(JSON.parse(text)) };
  } catch {
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    return {
      kind: 'torn',
      id: `torn${info.ino}${Math.round(info.mtimeMs)}`.replace(/[^0-9a-z]/g, ''),
      old: now - info.mtimeMs > TORN_GRACE_MS,
    };
  }
}

function sameLock(a: Found | null, b: Found): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'holder' && b.kind === 'holder') return a.holder.token === b.holder.token;
  return a.kind === 'torn' && b.kind === 'torn' && a.id === b.id;
}

async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(holder));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `file` exclusively, or answers who holds it. A stale holding (its process gone from this
 * computer, or a torn file older than a few seconds) is removed only under a guard file named after
 * that very holding, created with O_EXCL itself: of two programs taking over at once, one removes
 * it and both then race for the fresh O_EXCL create, which exactly one wins. A guard left by a
 * program that died while taking over is stale in turn, and taken over the same way.
 */
async function takeExclusive(
  file: string,
  holder: LockHolder,
  host: string,
  isRunning: (pid: number) => boolean,
  now: () => number,
): Promise<{ ok: true } | { ok: false; holder: LockHolder | null }> {
  let last: LockHolder | null = null;
  const isStale = (found: LockHolder, me: LockHolder, at: number): boolean => {
    if (found.host !== host) return false;
    // Our own process id: a lock this process does not hold was left by an earlier process that
    // had the same id (a container's CLI is often process 1).
    if (found.pid === me.pid) return !ownTokens.has(found.token);
    // Taken before this computer last started: whatever runs under that id now is another program.
    if (Date.parse(found.startedAt) < at - uptime() * 1000 - 60_000) return true;
    return !isRunning(found.pid);
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await createExclusive(file, holder)) return { ok: true };
    const found = await readLock(file, now());
    if (!found) continue;
    if (found.kind === 'holder') {
      last = found.holder;
      if (!isStale(found.holder, holder, now())) return { ok: false, holder: found.holder };
    } else if (!found.old) {
      await sleep(RETRY_MS);
      continue;
    }
    const id = found.kind === 'holder' ? found.holder.token : found.id;
    const guard = `${file}.${id}.takeover`;
    const guardHolder = { ...holder, token: newToken() };
    ownTokens.add(guardHolder.token);
    const guarded = await takeExclusive(guard, guardHolder, host, isRunning, now);
    if (!guarded.ok) {
      ownTokens.delete(guardHolder.token);
      // Another program is taking it over this very moment: see what it made of it.
      await sleep(RETRY_MS);
      continue;
    }
    try {
      if (sameLock(await readLock(file, now()), found)) await unlinkIfThere(file);
    } finally {
      await unlinkIfThere(guard);
      ownTokens.delete(guardHolder.token);
    }
  }
  return { ok: false, holder: last };
}

async function unlinkIfThere(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function newToken(): string {
  return randomBytes(12).toString('hex');
}

function releaseAllOnExit(): void {
  for (const [file, token] of held) {
    try {
      const text = readFileSync(file, 'utf8');
      if (holderSchema.parse(JSON.parse(text)).token === token) unlinkSync(file);
    } catch {
      // Gone already, or not ours any more.
    }
  }
  held.clear();
}

/**
 * Takes the sender's lock of the job whose folder is `jobDir`, or throws `JobLockedError` naming
 * who sends it. Two acquires in one process refuse too: one job, one sender.
 */
export async function acquireJobLock(jobDir: string, options: LockOptions = {}): Promise<JobLock> {
  const host = options.host ?? hostname();
  const now = options.now ?? Date.now;
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    host,
    startedAt: new Date(now()).toISOString(),
    token: newToken(),
  };
  const file = path.join(jobDir, LOCK_FILE);
  ownTokens.add(holder.token);
  const taken = await takeExclusive(file, holder, host, options.isRunning ?? isProcessRunning, now);
  if (!taken.ok) {
    ownTokens.delete(holder.token);
    throw new JobLockedError(taken.holder, host);
  }
  held.set(file, holder.token);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', releaseAllOnExit);
  }
  let released = false;
  return {
    path: file,
    holder,
    async release() {
      if (released) return;
      released = true;
      held.delete(file);
      const found = await readLock(file, now()).catch(() => null);
      if (found?.kind === 'holder' && found.holder.token === holder.token)
        await unlinkIfThere(file);
      ownTokens.delete(holder.token);
    },
  };
}
