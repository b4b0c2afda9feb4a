import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../store/private-files';
import type { WindowState } from './window-state';
import { parseWindowState, WINDOW_STATE_FILE } from './window-state';

/** The saved window state in `dataDir`, or null when there is none or it cannot be read. */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Writes the window state to `dataDir`. Through a temporary file and a rename, so a crash mid-write
 * leaves the previous file rather than half a file. Returns false instead of throwing: a forgotten
 * window position is not worth an error dialog (the caller may log it).
 */
export function writeWindowState(dataDir: string, state: WindowState): boolean {
  const target = path.join(dataDir, WINDOW_STATE_FILE);
  const temporary = `${target}.tmp`;
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    fs.renameSync(temporary, target);
    return true;
  } catch {
    return false;
  }
}
