// The workbook's zip, opened with yauzl: the central directory is read once, and each part is
// then inflated from the file on demand as a stream, so a sheet is never in memory as a whole.

import type { Readable } from 'node:stream';
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
