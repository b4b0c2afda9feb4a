import { open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PRIVATE_FILE_MODE } from '../../store/private-files';
import {
  RECORD_BYTES,
  RECORD_WORDS,
  SEGMENT_HEADER_WORDS,
  SEGMENT_MAGIC,
  SEGMENT_VERSION,
} from './ledger-records';
import { LedgerError } from './ledger-error';

/** Records read or written at a time: 64 Ki records, 1.25 MB. */
export const CHUNK_RECORDS = 65_536;

export interface LedgerFiles {
  /** Sorted segments, oldest first (their names start with the time they were written). */
  segments: string[];
  /** Logs of runs still going, or of runs a crash ended before they closed. */
  logs: string[];
}

export async function listLedgerFiles(dir: string): Promise<LedgerFiles> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { segments: [], logs: [] };
    throw error;
  }
  names.sort();
  return {
    segments: names
      .filter((n) => n.startsWith('seg-') && n.endsWith('.bin'))
      .map((n) => path.join(dir, n)),
    logs: names
      .filter((n) => n.startsWith('log-') && n.endsWith('.bin'))
      .map((n) => path.join(dir, n)),
  };
}

/**
 * A name that sorts by time of writing and never meets another's; `agedAs` (a segment's path)
 * lends its time instead, so a merged segment keeps the age of its oldest part.
 */
export function timedName(prefix: string, agedAs?: string): string {
  const borrowed = agedAs === undefined ? undefined : path.basename(agedAs).split('-')[1];
  const time = borrowed ?? Date.now().toString(36).padStart(9, '0');
  return `${prefix}-${time}-${randomBytes(6).toString('hex')}.bin`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * A run's log, whole (runs are one import each: 20 bytes an event). A torn last record is left out.
 * `found` is false when the log vanished (sealed into a segment since it was listed).
 */
export async function readLog(
  file: string,
): Promise<{ records: Uint32Array; count: number; found: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isMissing(error)) return { records: new Uint32Array(0), count: 0, found: false };
    throw error;
  }
  const count = Math.floor(bytes.byteLength / RECORD_BYTES);
  const records = new Uint32Array(count * RECORD_WORDS);
  new Uint8Array(records.buffer).set(bytes.subarray(0, count * RECORD_BYTES));
  return { records, count, found: true };
}

/**
 * Reads a segment chunk by chunk: `visit` gets each chunk's records and their count. Memory stays at
 * one chunk whatever the segment's size. Answers false when the segment vanished (merged by
 * another process since it was listed): the caller lists again, to read the merged one.
 */
export async function readSegment(
  file: string,
  visit: (records: Uint32Array, count: number, total: number) => void,
): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
  try {
    const header = new Uint32Array(SEGMENT_HEADER_WORDS);
    const head = await handle.read(new Uint8Array(header.buffer), 0, header.byteLength, 0);
    if (
      head.bytesRead !== header.byteLength ||
      header[0] !== SEGMENT_MAGIC ||
      header[1] !== SEGMENT_VERSION
    ) {
      throw new LedgerError(
        `The record of events already sent is damaged (${path.basename(file)} is not one of its files). Clear it in Settings, or remove that file, and validate again.`,
      );
    }
    const total = header[2] ?? 0;
    const chunk = new Uint32Array(CHUNK_RECORDS * RECORD_WORDS);
    const bytes = new Uint8Array(chunk.buffer);
    let done = 0;
    while (done < total) {
      const want = Math.min(CHUNK_RECORDS, total - done);
      const position = header.byteLength + done * RECORD_BYTES;
      const { bytesRead } = await handle.read(bytes, 0, want * RECORD_BYTES, position);
      if (bytesRead !== want * RECORD_BYTES) {
        throw new LedgerError(
          `The record of events already sent is damaged (${path.basename(file)} is cut short). Clear it in Settings, or remove that file, and validate again.`,
        );
      }
      visit(chunk, want, total);
      done += want;
    }
    return true;
  } finally {
    await handle.close();
  }
}

/** Writes a segment from chunks of sorted records, under a temporary name first, then in place. */
export class SegmentWriter {
  private count = 0;
  private position = SEGMENT_HEADER_WORDS * 4;

  private constructor(
    private readonly handle: Awaited<ReturnType<typeof open>>,
    private readonly temporary: string,
    readonly file: string,
  ) {}

  static async create(dir: string, agedAs?: string): Promise<SegmentWriter> {
    const file = path.join(dir, timedName('seg', agedAs));
    const temporary = `${file}.tmp`;
    return new SegmentWriter(await open(temporary, 'wx', PRIVATE_FILE_MODE), temporary, file);
  }

  async write(records: Uint32Array, count: number): Promise<void> {
    if (count === 0) return;
    const bytes = new Uint8Array(records.buffer, records.byteOffset, count * RECORD_BYTES);
    await this.handle.write(bytes, 0, bytes.byteLength, this.position);
    this.position += bytes.byteLength;
    this.count += count;
  }

  async finish(): Promise<number> {
    const header = new Uint32Array([SEGMENT_MAGIC, SEGMENT_VERSION, this.count, 0]);
    await this.handle.write(new Uint8Array(header.buffer), 0, header.byteLength, 0);
    await this.handle.datasync();
    await this.handle.close();
    await rename(this.temporary, this.file);
    return this.count;
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.temporary).catch(() => undefined);
  }
}

/** Records in a segment, from its header, or by size for a log. */
export async function recordsIn(file: string): Promise<number> {
  try {
    if (path.basename(file).startsWith('log-')) {
      return Math.floor((await stat(file)).size / RECORD_BYTES);
    }
    const handle = await open(file, 'r');
    try {
      const header = new Uint32Array(SEGMENT_HEADER_WORDS);
      await handle.read(new Uint8Array(header.buffer), 0, header.byteLength, 0);
      return header[2] ?? 0;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
}

/** Removes files, leaving those already gone (another process merged them) or still open on Windows. */
export async function removeAll(files: readonly string[]): Promise<void> {
  for (const file of files) await unlink(file).catch(() => undefined);
}
