import { mkdir, open, stat, unlink, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../store/private-files';
import { FINGERPRINT_WORDS } from './event-fingerprint';
import { RECORD_WORDS, metaOf, normalizeRun, type LedgerStatus } from './ledger-records';
import { SegmentWriter, listLedgerFiles, readLog, timedName } from './ledger-files';
import { mergeSegments } from './ledger-merge';
import type { LedgerSource } from './ledger-sources';

/**
 * More segments than this and closing a run merges the smallest ones (lookups read each segment
 * once, so their number is what a lookup pays for; merging only the small ones keeps a Send event
 * from rewriting ten million records).
 */
export const MAX_SEGMENTS = 16;

/**
 * One run of sending (an import job's run, or the Send event screen's session): appends what
 * it sends to its own log, each append on disk before its promise resolves, so a crash loses
 * nothing the server confirmed. Closing turns the log into a sorted segment.
 */
export class LedgerRun {
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
    private readonly log: string,
    readonly source: LedgerSource,
  ) {}

  static async start(
    dir: string,
    source: Omit<LedgerSource, 'id'>,
    writeSource: (id: number, source: LedgerSource) => Promise<void>,
  ): Promise<LedgerRun> {
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    // Source ids are random, and their files created exclusively: two processes never share one.
    for (;;) {
      const id = randomInt(1, 2 ** 30);
      const named: LedgerSource = { id, ...source };
      try {
        await writeSource(id, named);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      const log = path.join(dir, timedName(`log-${id}`));
      const run = new LedgerRun(dir, await open(log, 'wx', PRIVATE_FILE_MODE), log, named);
      liveLogs.add(log);
      return run;
    }
  }

  /** Records these events (four words each) with a status; resolves once it is on disk. */
  record(fingerprints: readonly Uint32Array[], status: LedgerStatus): Promise<void> {
    if (fingerprints.length === 0) return this.tail;
    const records = new Uint32Array(fingerprints.length * RECORD_WORDS);
    const meta = metaOf(this.source.id, status);
    fingerprints.forEach((fingerprint, i) => {
      records.set(fingerprint.subarray(0, FINGERPRINT_WORDS), i * RECORD_WORDS);
      records[i * RECORD_WORDS + 4] = meta;
    });
    const bytes = new Uint8Array(records.buffer);
    const write = this.tail.then(async () => {
      if (this.closed) throw new Error('The record of sent events is closed.');
      await this.handle.write(bytes, 0, bytes.byteLength);
      await this.handle.datasync();
    });
    // A failed append fails every later one too: the log must not have a gap the run ignores.
    this.tail = write;
    return write;
  }

  /** Turns the log into a sorted segment and merges segments when there are too many. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.tail.catch(() => undefined);
    this.closed = true;
    await this.handle.close();
    await sealLog(this.dir, this.log);
    liveLogs.delete(this.log);
    const { segments } = await listLedgerFiles(this.dir);
    // After an import, everything becomes one segment again: a lookup then reads each record once
    // and walks the file's fingerprints once. The merge streams (a chunk per segment in memory)
    // and takes seconds for ten million events, after an import of hours at the rate limit. A
    // Send event merges only the smallest, and only once there are many.
    // A merge only makes lookups faster: one that fails (another program merged the same
    // segments at the same time and removed one of them first) leaves every record in place.
    try {
      if (this.source.kind === 'import' && segments.length > 1) {
        await mergeSegments(this.dir, segments);
      } else if (segments.length > MAX_SEGMENTS) {
        await mergeSmallest(this.dir, segments);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** The logs this process is writing: never sealed by it as abandoned. */
const liveLogs = new Set<string>();

/** Whether `log` is being written by a run of this process. */
export function isLiveHere(log: string): boolean {
  return liveLogs.has(log);
}

/** Merges the smallest segments so that MAX_SEGMENTS / 2 are left, keeping their age order. */
async function mergeSmallest(dir: string, segments: readonly string[]): Promise<void> {
  const sized = await Promise.all(
    segments.map(async (file) => ({
      file,
      size: await stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    })),
  );
  const chosen = new Set(
    [...sized]
      .sort((a, b) => a.size - b.size)
      .slice(0, segments.length - MAX_SEGMENTS / 2 + 1)
      .map((s) => s.file),
  );
  await mergeSegments(
    dir,
    segments.filter((file) => chosen.has(file)),
  );
}

/** A closed run's log as a segment (also for the log of a run a crash ended: see `Ledger.tidy`). */
export async function sealLog(dir: string, log: string): Promise<void> {
  const { records, count } = await readLog(log);
  const normalized = normalizeRun(records, count);
  const kept = normalized.length / RECORD_WORDS;
  if (kept > 0) {
    const writer = await SegmentWriter.create(dir);
    try {
      await writer.write(normalized, kept);
      await writer.finish();
    } catch (error) {
      await writer.abandon();
      throw error;
    }
  }
  await unlink(log).catch(() => undefined);
}

/** Writes a source's description, failing with EEXIST when the id is taken. */
export async function writeSourceFile(file: string, source: LedgerSource): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFile(file, JSON.stringify(source), { flag: 'wx', mode: PRIVATE_FILE_MODE });
}
