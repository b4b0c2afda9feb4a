import { open } from 'node:fs/promises';
import { compareKeys } from './fingerprint-order';
import { RECORD_BYTES, RECORD_WORDS, SEGMENT_HEADER_WORDS, rank } from './ledger-records';
import { CHUNK_RECORDS, SegmentWriter, removeAll } from './ledger-files';

/** Reads a segment's records one at a time, a chunk at a time. */
class SegmentCursor {
  private readonly chunk = new Uint32Array(CHUNK_RECORDS * RECORD_WORDS);
  private inChunk = 0;
  private position = 0;
  private done = 0;

  private constructor(
    private readonly handle: Awaited<ReturnType<typeof open>>,
    private readonly total: number,
  ) {}

  static async open(file: string): Promise<SegmentCursor> {
    const handle = await open(file, 'r');
    const header = new Uint32Array(SEGMENT_HEADER_WORDS);
    await handle.read(new Uint8Array(header.buffer), 0, header.byteLength, 0);
    const cursor = new SegmentCursor(handle, header[2] ?? 0);
    await cursor.fill();
    return cursor;
  }

  /** Word offset of the current record in `records`, or -1 at the end. */
  get at(): number {
    return this.position < this.inChunk ? this.position * RECORD_WORDS : -1;
  }

  get records(): Uint32Array {
    return this.chunk;
  }

  /** Steps to the next record; a promise only when the next chunk must be read (rarely). */
  advance(): Promise<void> | null {
    this.position += 1;
    return this.position >= this.inChunk ? this.fill() : null;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async fill(): Promise<void> {
    const want = Math.min(CHUNK_RECORDS, this.total - this.done);
    this.position = 0;
    this.inChunk = 0;
    if (want <= 0) return;
    const offset = SEGMENT_HEADER_WORDS * 4 + this.done * RECORD_BYTES;
    const bytes = new Uint8Array(this.chunk.buffer, 0, want * RECORD_BYTES);
    const { bytesRead } = await this.handle.read(bytes, 0, bytes.byteLength, offset);
    this.inChunk = Math.floor(bytesRead / RECORD_BYTES);
    this.done += want;
  }
}

/**
 * Merges sorted segments into one, streaming (one chunk per segment in memory): one record per
 * fingerprint, the strongest status, and between equals the oldest segment's (the first time the
 * event was sent). The inputs go once the merged segment is in place. Answers its record count.
 */
export async function mergeSegments(dir: string, files: readonly string[]): Promise<number> {
  const cursors: SegmentCursor[] = [];
  try {
    for (const file of files) cursors.push(await SegmentCursor.open(file));
  } catch (error) {
    // One of them gone (merged by another program meanwhile): close the others, merge nothing.
    await Promise.all(cursors.map((cursor) => cursor.close()));
    throw error;
  }
  const writer = await SegmentWriter.create(dir, files[0]);
  const out = new Uint32Array(CHUNK_RECORDS * RECORD_WORDS);
  let pending = 0;
  try {
    for (;;) {
      // The smallest key among the cursors' current records (few segments: a linear scan).
      let best = -1;
      for (let i = 0; i < cursors.length; i++) {
        const cursor = cursors[i];
        if (!cursor || cursor.at < 0) continue;
        const current = cursors[best];
        if (
          best < 0 ||
          !current ||
          compareKeys(cursor.records, cursor.at, current.records, current.at) < 0
        ) {
          best = i;
        }
      }
      const chosen = cursors[best];
      if (best < 0 || !chosen) break;
      out.set(chosen.records.subarray(chosen.at, chosen.at + RECORD_WORDS), pending * RECORD_WORDS);
      const slot = pending * RECORD_WORDS;
      // Every other cursor on the same key: keep the stronger status, then step past it.
      for (let i = 0; i < cursors.length; i++) {
        const cursor = cursors[i];
        if (!cursor) continue;
        while (cursor.at >= 0 && compareKeys(cursor.records, cursor.at, out, slot) === 0) {
          const meta = cursor.records[cursor.at + 4] ?? 0;
          if (rank(meta) > rank(out[slot + 4] ?? 0)) out[slot + 4] = meta;
          const reading = cursor.advance();
          if (reading) await reading;
        }
      }
      pending += 1;
      if (pending === CHUNK_RECORDS) {
        await writer.write(out, pending);
        pending = 0;
      }
    }
    await writer.write(out, pending);
    const count = await writer.finish();
    await removeAll(files);
    return count;
  } catch (error) {
    await writer.abandon();
    throw error;
  } finally {
    await Promise.all(cursors.map((cursor) => cursor.close()));
  }
}
