// Zips and OLE compound files written by the tests themselves: small workbooks part by part, a
// large sheet streamed to disk (never in memory), and the compound-file headers Excel writes for
// password-protected workbooks and .xls files.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: string | Uint8Array;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

// DOS date 2024-01-01 00:00: zip entries need one, any will do.
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

function localHeader(
  name: Buffer,
  crc: number,
  compressed: number,
  size: number,
  descriptor: boolean,
): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(descriptor ? 0x0808 : 0x0800, 6); // UTF-8 names; sizes after the data
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralDirectory(entries: readonly Written[], start: number): Buffer {
  const records = entries.map((entry) => {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(DOS_TIME, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    return Buffer.concat([record, entry.name]);
  });
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([directory, end]);
}

/** A zip of small entries, deflated, in memory. */
export function zipBuffer(entries: readonly ZipInput[]): Buffer {
  const pieces: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const header = localHeader(name, crc, compressed.length, data.length, false);
    written.push({ name, crc, compressed: compressed.length, size: data.length, offset });
    pieces.push(header, compressed);
    offset += header.length + compressed.length;
  }
  pieces.push(centralDirectory(written, offset));
  return Buffer.concat(pieces);
}

async function put(out: WriteStream, data: Buffer): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

/**
 * Writes a zip whose entries come from async sources of text, deflated as they stream (sizes in a
 * data descriptor after each entry), so a sheet of any size never sits in memory.
 */
export async function writeStreamedZip(
  path: string,
  entries: readonly { name: string; text: () => AsyncIterable<string> | Iterable<string> }[],
): Promise<void> {
  const out = createWriteStream(path);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = localHeader(name, 0, 0, 0, true);
    await put(out, header);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level: 6 });
    const drained = (async () => {
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        compressed += piece.length;
        await put(out, piece);
      }
    })();
    for await (const text of entry.text()) {
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await drained;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await put(out, descriptor);
    written.push({ name, crc, compressed, size, offset });
    offset += header.length + compressed + descriptor.length;
  }
  await put(out, centralDirectory(written, offset));
  out.end();
  await once(out, 'finish');
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file (512-byte sectors) whose directory holds empty streams of these names:
 * `['EncryptionInfo', 'EncryptedPackage']` is what a password-protected workbook looks like to
 * a reader that does not decrypt, `['Workbook']` an .xls.
 */
export function compoundFile(streamNames: readonly string[]): Buffer {
  const entries = ['Root Entry', ...streamNames];
  const directorySectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts in sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let i = 1; i <= directorySectors; i += 1) {
    fat.writeUInt32LE(i === directorySectors ? END_OF_CHAIN : i + 1, i * 4);
  }

  const directory = Buffer.alloc(directorySectors * 512);
  entries.forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : 2;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(FREE, at + 0x44);
    // A flat tree is enough for a reader that lists names: each entry's right sibling is the next.
    directory.writeUInt32LE(i > 0 && i + 1 < entries.length ? i + 1 : FREE, at + 0x48);
    directory.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, at + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, at + 0x74);
  });
  return Buffer.concat([header, fat, directory]);
}
