// Loads a packaged keychain module with this Node, proving the binary is there, is for this
// architecture, and links (docs/security.md item 14). Node-API modules load the same in Node and
// Electron, so a matching CI runner can check any build without starting the app.
import { createRequire } from 'node:module';

export type KeyringLoadResult = { ok: true } | { ok: false; reason: string };

/** Requires the `.node` file and checks it exports the keychain class the app uses (AsyncEntry). */
export function loadKeyringBinary(binaryPath: string): KeyringLoadResult {
  try {
    const loaded = createRequire(import.meta.url)(binaryPath) as Record<string, unknown>;
    if (typeof loaded['AsyncEntry'] !== 'function') {
      return { ok: false, reason: `${binaryPath} loaded but exports no AsyncEntry class` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `${binaryPath} did not load: ${(error as Error).message}` };
  }
}
