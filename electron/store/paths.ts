import path from 'node:path';

/** Folder name of the app's data directory inside the OS's per-user application data folder. */
export const DATA_DIR_NAME = 'Customerscore Importer';

/**
 * The data directory (settings, logs, journals, window state). `CUSTOMERSCORE_HOME` overrides it, so
 * tests and power users can give each run its own folder; otherwise it sits in the OS's application
 * data folder (`app.getPath('appData')` in Electron, {@link defaultAppDataDir} in the CLI).
 */
export function resolveDataDir(
  env: Record<string, string | undefined>,
  appDataDir: string,
): string {
  const override = env['CUSTOMERSCORE_HOME']?.trim();
  if (override) return path.resolve(override);
  return path.join(appDataDir, DATA_DIR_NAME);
}

/**
 * The OS's per-user application data folder, computed the way Electron does, for the CLI (which runs
 * without Electron): macOS `~/Library/Application Support`, Windows `%APPDATA%`, elsewhere
 * `$XDG_CONFIG_HOME` or `~/.config`.
 */
export function defaultAppDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homedir: string,
): string {
  // path.win32/posix so the result matches the target platform even when computed elsewhere (tests).
  if (platform === 'win32') {
    return env['APPDATA']?.trim() || path.win32.join(homedir, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support');
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && path.posix.isAbsolute(xdg)) return xdg;
  return path.posix.join(homedir, '.config');
}
