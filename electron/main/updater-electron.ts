import { existsSync } from 'node:fs';
import path from 'node:path';
import electronUpdater from 'electron-updater';
import type { ProgressInfo } from 'electron-updater';
import type { Updater } from './updates/update-service';

// The real updater: electron-updater's autoUpdater (which loads `electron`), adapted to the update
// service's `Updater`. It reads the feed electron-builder wrote into the app (app-update.yml: the
// GitHub releases of the repository in build/builder-config.ts) and checks each download's sha512
// against latest*.yml, and, on Windows, its signature against the publisher of the running app;
// on macOS Squirrel.Mac accepts only an update signed by the same Developer ID. No logic here.

export interface UpdaterLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Null for a packaged build without a feed (the e2e build): there is nothing to ask. */
export function createElectronUpdater(log: UpdaterLog): Updater | null {
  if (!existsSync(path.join(process.resourcesPath, 'app-update.yml'))) return null;
  const { autoUpdater } = electronUpdater;
  // The update service decides when to download (in the background, after a check)…
  autoUpdater.autoDownload = false;
  // …and a downloaded update also installs when the user quits (imports stop resumably then).
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (message: unknown) => log.info(`Updates: ${String(message)}`),
    warn: (message: unknown) => log.warn(`Updates: ${String(message)}`),
    error: (message: unknown) => log.error('Updates', message),
  };
  return {
    async checkForUpdates() {
      const result = await autoUpdater.checkForUpdates();
      if (result === null || !result.isUpdateAvailable) return { version: null };
      return { version: result.updateInfo.version };
    },
    async downloadUpdate() {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(),
    onDownloadProgress(listener) {
      const forward = (progress: ProgressInfo) => listener(progress.percent);
      autoUpdater.on('download-progress', forward);
      return () => autoUpdater.off('download-progress', forward);
    },
  };
}
