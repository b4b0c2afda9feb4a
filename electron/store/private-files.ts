import fs from 'node:fs';

// The data directory holds customer data (journals with the rows' file paths and mappings, reports
// with their cells, pasted cells, send history, logs): only the user's own account may read it.
// Every file under it is created with PRIVATE_FILE_MODE and every folder with PRIVATE_DIR_MODE
// (the process's umask can only take bits away). Windows ignores these modes: there the folder's
// ACL, inherited from the user's profile, is what keeps others out.

/** Folders under the data directory (and the directory itself): owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** Files under the data directory: read and write for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates the data directory owner-only, or makes an existing one owner-only when it lets group
 * or others in (made by an older version, or by an Electron default): a closed directory keeps
 * everything below it private, whatever the modes of files written before. Left alone: a folder
 * that is not the user's (chmod would fail or change someone else's folder), a sticky one such as
 * `/tmp` (`CUSTOMERSCORE_HOME` pointed at a shared folder), and Windows. Best effort: a data
 * directory whose mode cannot be changed must not keep the app or the CLI from starting.
 */
export function securePrivateDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    if (process.platform === 'win32') return;
    const stats = fs.statSync(dataDir);
    const ours = typeof process.getuid !== 'function' || stats.uid === process.getuid();
    const sticky = (stats.mode & 0o1000) !== 0;
    if (ours && !sticky && (stats.mode & 0o077) !== 0) {
      fs.chmodSync(dataDir, stats.mode & PRIVATE_DIR_MODE);
    }
  } catch {
    // See above: the writes below report a data directory that cannot be used, in words.
  }
}
