import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { FileFingerprint } from './journal-records';

const SAMPLE_BYTES = 64 * 1024;

/**
 * The file's fingerprint (see `fileFingerprintSchema`): reads at most 128 KB whatever the size,
 * so fingerprinting a 1 GB file costs two small reads.
 */
export async function fingerprintFile(filePath: string): Promise<FileFingerprint> {
  const handle = await open(filePath, 'r');
  try {
    const stat = await handle.stat();
    const size = stat.size;
    const hash = createHash('sha256');
    const head = Math.min(size, SAMPLE_BYTES);
    // When head and tail would overlap, the whole file is hashed once instead.
    const tailStart = Math.max(head, size - SAMPLE_BYTES);
    hash.update(await readAt(handle, 0, head));
    hash.update(await readAt(handle, tailStart, size - tailStart));
    return { size, mtimeMs: stat.mtimeMs, sampleSha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

export function sameFingerprint(a: FileFingerprint, b: FileFingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.sampleSha256 === b.sampleSha256;
}

/** JSON with object keys sorted at every level, so equal mappings hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  // JSON.stringify gives undefined for undefined, functions and symbols, whatever its types say.
  return (JSON.stringify(value) as string | undefined) ?? 'null';
}

/** SHA-256 (hex) of a mapping's canonical JSON: the same mapping, however its keys are ordered, hashes the same. */
export function hashMapping(mapping: unknown): string {
  return sha256Hex(canonicalJson(mapping));
}

/** SHA-256 (hex) of a request body, as the journal records it before sending. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
