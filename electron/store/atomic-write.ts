import { randomBytes } from 'node:crypto';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';

/** The slice of `node:fs/promises` that {@link writeFileAtomic} uses, so tests can inject faults. */
export interface AtomicWriteFs {
  mkdir: (dir: string, options: { recursive: true; mode: number }) => Promise<unknown>;
  open: (file: string, flags: string, mode?: number) => Promise<fsPromises.FileHandle>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (file: string, options: { force: true }) => Promise<void>;
}

/**
 * Replaces `file` with `data` so that a reader (or the next start after a crash or power loss) sees
 * either the old content or the new, never a partial file: the data goes to a temporary file in the
 * same directory (a rename across file systems is not atomic), is flushed to disk, and is then
 * renamed over the target; the directory is flushed too so the rename itself survives power loss.
 * The file is created readable by its owner only, and missing folders owner-only (see
 * `./private-files`).
 */
export async function writeFileAtomic(
  file: string,
  data: string,
  fs: AtomicWriteFs = fsPromises,
): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir, fs);
}

// Best effort: Windows cannot open a directory for flushing and some file systems refuse fsync on
// one. The rename has happened by then, so failing here would report a write that did succeed.
async function syncDirectory(dir: string, fs: AtomicWriteFs): Promise<void> {
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // See above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
