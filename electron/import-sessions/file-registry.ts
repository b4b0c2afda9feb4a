import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { FILE_HANDLE_GONE, FILE_NOT_ON_DISK, type RegisteredFile } from '../../shared/ipc-file';
import { UserError } from '../../shared/user-error';

// The page never names a path (docs/security.md item 21): the preload (or the browser host's
// upload) registers the path of a file the user picked or dropped here, and the page gets a
// random handle for it. Channels that read a file resolve the handle, so a page, however
// compromised, can only open files the user handed to the app.

/** How many files are remembered; the oldest is forgotten beyond this (choosing it again works). */
export const MAX_REGISTERED_FILES = 256;

export interface FileRegistry {
  /** Remembers `filePath` (absolute) and answers a new handle for it, with its name to show. */
  register(filePath: string): RegisteredFile;
  /** The path of a registered file; a handle it never gave out (or forgot) is a `UserError`. */
  resolve(handle: string): string;
}

/** A file handle the registry does not know: forged, or forgotten (the app restarted, too many). */
export class FileHandleGoneError extends UserError {
  override readonly name = 'FileHandleGoneError';

  constructor() {
    super('gone', FILE_HANDLE_GONE);
  }
}

export function createFileRegistry(limit: number = MAX_REGISTERED_FILES): FileRegistry {
  const paths = new Map<string, string>();
  return {
    register(filePath) {
      // Electron's webUtils and the host's uploads answer absolute paths; anything else is no file.
      if (!path.isAbsolute(filePath)) throw new UserError('unreadable', FILE_NOT_ON_DISK);
      // 128 random bits: a handle cannot be guessed, and says nothing about the file.
      const handle = `f-${randomBytes(16).toString('hex')}`;
      paths.set(handle, filePath);
      while (paths.size > limit) {
        const oldest = paths.keys().next().value;
        if (oldest === undefined) break;
        paths.delete(oldest);
      }
      return { handle, name: path.basename(filePath) };
    },
    resolve(handle) {
      // Own keys only: a handle such as "__proto__" finds nothing.
      const found = paths.get(handle);
      if (found === undefined) throw new FileHandleGoneError();
      return found;
    },
  };
}
