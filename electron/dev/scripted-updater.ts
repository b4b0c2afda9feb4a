import type { UpdateCheck, Updater } from '../main/updates/update-service';

// A stand-in for electron-updater that a test drives by hand: what the next check answers, how
// far the download has come, whether it completes or fails. The unit tests of the update service
// and the browser host's e2e tests use it (electron-updater needs an installed, packaged app).

/** What the next `checkForUpdates` does: answer a version (or none), or fail with this error. */
export type ScriptedCheck = { version: string | null } | { error: Error };

export interface ScriptedUpdater extends Updater {
  /** Answered by every check from now on (by default: no newer version). */
  nextCheck: ScriptedCheck;
  /** How many checks were made. */
  readonly checks: number;
  /** How many times the app was asked to quit and install. */
  readonly installs: number;
  /** Whether a download is under way (started and neither finished nor failed). */
  readonly downloading: boolean;
  /** Reports download progress to the listeners. */
  progress(percent: number): void;
  /** Ends the download under way. */
  finishDownload(): void;
  /** Fails the download under way with this error. */
  failDownload(error: Error): void;
}

/** An error with a code, as Node's network errors and electron-updater's carry one. */
export function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

export function createScriptedUpdater(): ScriptedUpdater {
  const listeners = new Set<(percent: number) => void>();
  let pending: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let checks = 0;
  let installs = 0;
  const updater: ScriptedUpdater = {
    nextCheck: { version: null },
    get checks() {
      return checks;
    },
    get installs() {
      return installs;
    },
    get downloading() {
      return pending !== null;
    },
    async checkForUpdates(): Promise<UpdateCheck> {
      checks += 1;
      const next = updater.nextCheck;
      if ('error' in next) throw next.error;
      return { version: next.version };
    },
    downloadUpdate() {
      return new Promise<void>((resolve, reject) => {
        pending = { resolve, reject };
      });
    },
    quitAndInstall() {
      installs += 1;
    },
    onDownloadProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    progress(percent) {
      for (const listener of listeners) listener(percent);
    },
    finishDownload() {
      const current = pending;
      pending = null;
      current?.resolve();
    },
    failDownload(error) {
      const current = pending;
      pending = null;
      current?.reject(error);
    },
  };
  return updater;
}
