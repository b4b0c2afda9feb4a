// Names the streams of an OLE compound file (CFB, [MS-CFB]): the container of Excel 97-2003
// workbooks and also of password-protected .xlsx files, which Excel writes as a CFB holding the
// streams EncryptionInfo and EncryptedPackage instead of a zip. Only the directory is read.

import type { FileHandle } from 'node:fs/promises';

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const HEADER_BYTES = 512;
const END_OF_CHAIN = 0xfffffffe;
const DIRECTORY_ENTRY_BYTES = 128;
const HEADER_DIFAT_ENTRIES = 109;
// A directory of more sectors than this is not one Excel wrote; stop rather than loop.
const MAX_CHAIN_SECTORS = 4096;

export function isCfb(head: Uint8Array): boolean {
  return CFB_MAGIC.every((byte, i) => head[i] === byte);
}

/** What an OLE file holds, as far as a workbook reader cares. */
export type CfbKind = 'encrypted' | 'xls' | 'other';

export function classifyCfb(names: readonly string[]): CfbKind {
  const has = (name: string): boolean => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('EncryptedPackage') && has('EncryptionInfo')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  return 'other';
}

/**
 * The names of the storages and streams in a compound file, read from its directory; null when
 * the header or the directory chain is not a compound file's (cut short, damaged).
 */
export async function cfbStreamNames(file: FileHandle): Promise<string[] | null> {
  const read = async (position: number, length: number): Promise<Buffer | null> => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return bytesRead === length ? buffer : null;
  };
  const header = await read(0, HEADER_BYTES);
  if (!header || !isCfb(header)) return null;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorBytes = 1 << shift;
  const idsPerSector = sectorBytes / 4;
  const sector = (id: number): Promise<Buffer | null> => read((id + 1) * sectorBytes, sectorBytes);

  // The FAT's own sectors: the first 109 are listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i += 1) {
    const id = header.readUInt32LE(0x4c + i * 4);
    if (id < END_OF_CHAIN) fatSectors.push(id);
  }
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; difat < END_OF_CHAIN && hops < MAX_CHAIN_SECTORS; hops += 1) {
    const block = await sector(difat);
    if (!block) return null;
    for (let i = 0; i < idsPerSector - 1; i += 1) {
      const id = block.readUInt32LE(i * 4);
      if (id < END_OF_CHAIN) fatSectors.push(id);
    }
    difat = block.readUInt32LE((idsPerSector - 1) * 4);
  }

  const fatCache = new Map<number, Buffer>();
  const next = async (id: number): Promise<number | null> => {
    const fatSector = fatSectors[Math.floor(id / idsPerSector)];
    if (fatSector === undefined) return null;
    let block = fatCache.get(fatSector);
    if (!block) {
      const loaded = await sector(fatSector);
      if (!loaded) return null;
      block = loaded;
      fatCache.set(fatSector, block);
    }
    return block.readUInt32LE((id % idsPerSector) * 4);
  };

  const names: string[] = [];
  let id: number | null = header.readUInt32LE(0x30);
  for (let hops = 0; id !== null && id < END_OF_CHAIN; hops += 1) {
    if (hops >= MAX_CHAIN_SECTORS) return null;
    const block = await sector(id);
    if (!block) return null;
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= block.length; at += DIRECTORY_ENTRY_BYTES) {
      const type = block[at + 0x42];
      const nameBytes = block.readUInt16LE(at + 0x40);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(block.toString('utf16le', at, at + nameBytes - 2));
    }
    id = await next(id);
  }
  return id === null ? null : names;
}
