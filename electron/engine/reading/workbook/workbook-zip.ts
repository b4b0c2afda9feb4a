// The workbook's zip, opened with yauzl: the central directory is read once, and each part is
// then inflated from the file on demand as a stream, so a sheet is never in memory as a whole.

import { pipeline, Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WorkbookError } from './workbook-error';
import {
  damagedMessage,
  damagedPartMessage,
  encryptedMessage,
  tooLargeMessage,
} from './workbook-messages';

// A workbook has a few dozen parts; hundreds of thousands of entries is a zip bomb or not a workbook.
const MAX_ENTRIES = 100_000;
// yauzl inflates in zlib's default 16 KB pieces, each a round trip to the thread pool: a large
// sheet then spends most of its time waiting. Pieces of 256 KB make inflating ten times faster
// (and hand the XML parser fewer, larger pieces), at a quarter of a megabyte of memory.
const INFLATE_CHUNK_BYTES = 256 * 1024;
const DEFLATE = 8;

/** Passes bytes on, failing when there are more or fewer than the zip's directory says. */
function byteCount(expected: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > expected ? new Error('the part is larger than its zip entry says') : null, chunk);
    },
    flush(done) {
      done(seen === expected ? null : new Error('the part is smaller than its zip entry says'));
    },
  });
}

/**
 * A deflated entry inflated in large pieces (see `INFLATE_CHUNK_BYTES`), its size checked as
 * yauzl checks it; destroying the returned stream stops the read.
 */
async function inflated(zip: ZipFile, entry: Entry): Promise<Readable> {
  const raw = await zip.openReadStreamPromise(entry, { decompress: false });
  const checked = byteCount(entry.uncompressedSize);
  // An early stop (the consumer destroys `checked`) ends the pipeline as a premature close: no error.
  pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES }), checked, () => {});
  return checked;
}

export interface ZipArchive {
  /** Whether the zip has this part (part names compare without letter case, as in Office). */
  has(part: string): boolean;
  /** The part's size once inflated, as the zip's directory states it (0 for a missing part). */
  size(part: string): number;
  /** The part's inflated bytes as a stream; size and CRC are checked as it is read. */
  open(part: string): Promise<Readable>;
  /** A small part (relationships, the workbook) as text; refused past `limitBytes`. */
  readText(part: string, limitBytes: number): Promise<string>;
  close(): void;
}

function damaged(fileName: string, cause: unknown): WorkbookError {
  if (cause instanceof WorkbookError) return cause;
  return new WorkbookError('damaged', damagedMessage(fileName), { cause });
}

/** Opens a zip, or throws a `WorkbookError` ('damaged') when its directory cannot be read. */
export async function openZip(path: string, fileName: string): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    // strictFileNames refuses `..` and absolute entry names; sizes are validated while reading.
    zip = await yauzl.openPromise(path, {
      autoClose: false,
      strictFileNames: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw damaged(fileName, error);
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= MAX_ENTRIES) throw damaged(fileName, new Error('too many entries'));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.toLowerCase(), entry);
    }
  } catch (error) {
    zip.close();
    throw damaged(fileName, error);
  }

  const entryOf = (part: string): Entry => {
    const entry = entries.get(part.toLowerCase());
    if (!entry) {
      throw new WorkbookError('damaged', damagedPartMessage(fileName, part, 'is missing'));
    }
    if (entry.isEncrypted()) throw new WorkbookError('encrypted', encryptedMessage(fileName));
    return entry;
  };

  const open = async (part: string): Promise<Readable> => {
    const entry = entryOf(part);
    try {
      if (entry.compressionMethod === DEFLATE) return await inflated(zip, entry);
      return await zip.openReadStreamPromise(entry);
    } catch (error) {
      throw damaged(fileName, error);
    }
  };

  return {
    has: (part) => entries.has(part.toLowerCase()),
    size: (part) => entries.get(part.toLowerCase())?.uncompressedSize ?? 0,
    open,
    async readText(part, limitBytes) {
      const entry = entryOf(part);
      if (entry.uncompressedSize > limitBytes) {
        throw new WorkbookError(
          'too_large',
          tooLargeMessage(fileName, part, Math.round(limitBytes / 1_000_000)),
        );
      }
      const stream = await open(part);
      const pieces: Buffer[] = [];
      try {
        for await (const piece of stream as AsyncIterable<Buffer>) pieces.push(piece);
      } catch (error) {
        throw damaged(fileName, error);
      }
      return Buffer.concat(pieces).toString('utf8');
    },
    close: () => zip.close(),
  };
}

/** Turns an error met while a part streams (inflate, size check) into the damaged-file sentence. */
export function streamError(fileName: string, error: unknown): WorkbookError {
  return damaged(fileName, error);
}
