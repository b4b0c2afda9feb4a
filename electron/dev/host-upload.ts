import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const MAX_NAME_BYTES = 200;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name the page sent, made safe to create: only its last segment, no control characters or
 * characters Windows forbids, no trailing dots or spaces, not a reserved device name, at most 200
 * bytes (keeping the extension). What remains still reads like the user's file, so messages that
 * quote the path name the file they picked.
 */
export function sanitizeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let safe = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  safe = safe.replace(/[. ]+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) safe = 'upload';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (Buffer.byteLength(safe) <= MAX_NAME_BYTES) return safe;

  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
  let stem = safe.slice(0, safe.length - extension.length);
  while (Buffer.byteLength(stem + extension) > MAX_NAME_BYTES)
    stem = [...stem].slice(0, -1).join('');
  // Cutting may have left a trailing dot or space, which Windows drops from names.
  return stem.replace(/[. ]+$/, '') + extension || 'upload';
}

/** The folder the browser host keeps uploaded copies in, one per process. */
export function defaultUploadBase(): string {
  return path.join(os.tmpdir(), `customerscore-host-${process.pid}`);
}

export interface UploadStore {
  /**
   * Streams `body` into a new file named after `name` (sanitized) in a folder of its own, so two
   * uploads of the same name never meet; resolves with its path. Never holds the whole file in
   * memory: a CSV may be a gigabyte. A broken upload leaves nothing behind.
   */
  save(body: Readable, name: string): Promise<string>;
  /** Removes every copy this store made. */
  dispose(): Promise<void>;
}

/** An upload store under `base` (see {@link defaultUploadBase}), in a folder of its own. */
export async function createUploadStore(base: string = defaultUploadBase()): Promise<UploadStore> {
  await mkdir(base, { recursive: true });
  const root = await mkdtemp(path.join(base, 'host-'));
  return {
    async save(body, name) {
      const folder = await mkdtemp(path.join(root, 'upload-'));
      const filePath = path.join(folder, sanitizeFileName(name));
      try {
        await pipeline(body, createWriteStream(filePath, { flags: 'wx' }));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      return filePath;
    },
    async dispose() {
      await rm(root, { recursive: true, force: true });
      // Other hosts of this process may still use the base folder; it goes with the last one.
      await rmdir(base).catch(() => undefined);
    },
  };
}
