import type { UpdateState, UpdateStatus } from '../../../shared/ipc-updates';
import type { UpdatePreferences } from '../../../shared/settings';
import { updateFailureMessage } from './update-failure';

// The installed app's updates, as a plain module: what checks when, what downloads, and when the
// app may restart. Electron and electron-updater stay outside (updater-electron.ts adapts them);
// everything here is given as a parameter, so the tests run it with fakes and a fake clock.

/** A check's answer: the newer version the feed offers, or null when there is none. */
export interface UpdateCheck {
  version: string | null;
}

/** The part of electron-updater's `autoUpdater` this module uses (adapted, see updater-electron.ts). */
export interface Updater {
  /** Asks the feed (latest.yml, latest-mac.yml…) whether there is a newer, signed version. */
  checkForUpdates(): Promise<UpdateCheck>;
  /** Downloads the version the last check found; rejects when it fails (or its signature does). */
  downloadUpdate(): Promise<void>;
  /** Quits the app and installs the downloaded version. */
  quitAndInstall(): void;
  /** Download progress, 0 to 100; answers a function that stops listening. */
  onDownloadProgress(listener: (percent: number) => void): () => void;
}

/** Timers, so that the tests move a fake clock instead of waiting a day. */
export interface UpdateClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateServiceOptions {
  /** Null for a build that cannot update itself (development, browser host without a fake). */
  updater: Updater | null;
  /** Why `updater` is null, in a sentence the Settings screen shows. */
  unavailableReason?: string;
  currentVersion: string;
  clock: UpdateClock;
  /** Where "Check for updates automatically" lives (the settings store). */
  preferences: {
    updatePreferences(): Promise<UpdatePreferences>;
    setUpdatePreferences(preferences: UpdatePreferences): Promise<UpdatePreferences>;
  };
  /** Whether an import is being sent right now (running and not paused). */
  isImportRunning(): boolean;
  /**
   * Stops the imports (paused ones included) so that their journals say where to resume, before
   * the app quits to install: the job runner's `interruptAll`, as the app's own quit does.
   */
  stopImports(): Promise<void>;
  /** Told every change, for the `updates:changed` event. */
  onChange(status: UpdateStatus): void;
  /** Failures that are not the user's to fix, for the log. */
  logError?: (what: string, error: unknown) => void;
}

export interface UpdateService {
  status(): Promise<UpdateStatus>;
  /** Checks at start (when automatic) and schedules the daily check. */
  start(): Promise<void>;
  /** "Check now": whatever the automatic choice; answers once the feed has (not the download). */
  checkNow(): Promise<UpdateStatus>;
  /** "Restart to update": now, or once the running import ends or pauses. */
  restart(): Promise<UpdateStatus>;
  setAutomatic(automatic: boolean): Promise<UpdateStatus>;
  /** An import started, paused, resumed or ended: a deferred restart may go ahead now. */
  importsChanged(): void;
  /** Stops the daily timer (the app is quitting, a test ends). */
  stop(): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, clock } = options;
  let state: UpdateState = updater
    ? { kind: 'idle' }
    : {
        kind: 'unavailable',
        message:
          options.unavailableReason ??
          'This build does not update itself: install the app from a release to get updates.',
      };
  let automatic = true;
  let restartPending = false;
  let lastImportRunning = false;
  let timer: unknown = null;
  let running: { checked: Promise<void>; done: Promise<void> } | null = null;
  let restarting = false;

  function snapshot(): UpdateStatus {
    return {
      state,
      currentVersion: options.currentVersion,
      automatic,
      importRunning: options.isImportRunning(),
      restartPending,
    };
  }

  function publish(): void {
    options.onChange(snapshot());
  }

  function setState(next: UpdateState): void {
    state = next;
    publish();
  }

  async function loadAutomatic(): Promise<void> {
    try {
      automatic = (await options.preferences.updatePreferences()).automatic;
    } catch (error) {
      // A settings file that cannot be read keeps the default: checking is the safe side.
      options.logError?.('Reading the update choice failed', error);
    }
  }

  function scheduleDaily(): void {
    cancelDaily();
    if (!automatic || !updater) return;
    timer = clock.setTimeout(() => {
      timer = null;
      void checkAndDownload().done.finally(scheduleDaily);
    }, DAY_MS);
  }

  function cancelDaily(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  async function runCheck(active: Updater, checked: () => void): Promise<void> {
    // A version already downloaded stays offered; checking again would only download it again.
    if (state.kind === 'ready' || state.kind === 'restarting') return;
    setState({ kind: 'checking' });
    let found: UpdateCheck;
    try {
      found = await active.checkForUpdates();
    } catch (error) {
      options.logError?.('Checking for updates failed', error);
      setState({ kind: 'failed', message: updateFailureMessage('check', error) });
      return;
    } finally {
      checked();
    }
    if (found.version === null) {
      setState({ kind: 'upToDate', checkedAt: clock.now().toISOString() });
      return;
    }
    const version = found.version;
    setState({ kind: 'downloading', version, percent: 0 });
    const stopListening = active.onDownloadProgress((percent) => {
      const whole = Math.max(0, Math.min(100, Math.floor(percent)));
      if (state.kind === 'downloading' && state.percent !== whole) {
        setState({ kind: 'downloading', version, percent: whole });
      }
    });
    try {
      await active.downloadUpdate();
      setState({ kind: 'ready', version });
    } catch (error) {
      options.logError?.('Downloading the update failed', error);
      setState({ kind: 'failed', message: updateFailureMessage('download', error) });
    } finally {
      stopListening();
    }
  }

  /**
   * One check (and download) at a time: a second "Check now" joins the one under way. `checked`
   * settles once the feed has answered, `done` once the download (if any) has ended too.
   */
  function checkAndDownload(): { checked: Promise<void>; done: Promise<void> } {
    if (!updater) return { checked: Promise.resolve(), done: Promise.resolve() };
    if (running === null) {
      let markChecked: () => void = () => undefined;
      const checked = new Promise<void>((resolve) => (markChecked = resolve));
      const done = runCheck(updater, markChecked).finally(() => {
        markChecked();
        running = null;
      });
      running = { checked, done };
    }
    return running;
  }

  async function restartNow(): Promise<void> {
    if (!updater || restarting || state.kind !== 'ready') return;
    restarting = true;
    restartPending = false;
    cancelDaily();
    // Stopping a paused or running import lets its requests under way finish: say what happens.
    setState({ kind: 'restarting', version: state.version });
    try {
      // Paused imports are stopped as a quit stops them: their journals say where to resume.
      await options.stopImports();
    } catch (error) {
      options.logError?.('Stopping the imports before the update failed', error);
    }
    updater.quitAndInstall();
  }

  return {
    async status() {
      return snapshot();
    },

    async start() {
      await loadAutomatic();
      publish();
      if (!automatic || !updater) return;
      await checkAndDownload().done;
      scheduleDaily();
    },

    async checkNow() {
      // Answers once the feed has: a download goes on in the background, told by onChange.
      await checkAndDownload().checked;
      return snapshot();
    },

    async restart() {
      if (state.kind !== 'ready') return snapshot();
      if (options.isImportRunning()) {
        restartPending = true;
        publish();
        return snapshot();
      }
      await restartNow();
      return snapshot();
    },

    async setAutomatic(next) {
      automatic = (await options.preferences.setUpdatePreferences({ automatic: next })).automatic;
      if (automatic) scheduleDaily();
      else cancelDaily();
      publish();
      return snapshot();
    },

    importsChanged() {
      const now = options.isImportRunning();
      if (restartPending && !now && state.kind === 'ready') {
        void restartNow();
        return;
      }
      if (now !== lastImportRunning) {
        lastImportRunning = now;
        publish();
      }
    },

    stop: cancelDaily,
  };
}
