import { Ledger } from '../engine/ledger/ledger';
import type { IpcEventChannel, IpcEventPayload } from '../../shared/ipc';
import { createSecretStore } from '../store/secrets';
import type { Keyring } from '../store/secrets';
import { createOsKeyring } from '../store/secrets-keyring';
import { securePrivateDataDir } from '../store/private-files';
import { createSettingsStore } from '../store/settings';
import { createMemoryClipboard } from '../send/clipboard';
import type { Clipboard } from '../send/clipboard';
import { createSendHistoryStore } from '../send/history-store';
import { createSendTemplateStore } from '../send/template-store';
import { createFileRegistry } from '../import-sessions/file-registry';
import { createImportService } from '../import-sessions/import-service';
import type { IpcServices } from './ipc/index';
import { createUpdateService } from './updates/update-service';
import type { UpdateClock, Updater } from './updates/update-service';

/**
 * Sends one contract event to the page(s): `webContents.send` in Electron, the WebSocket in the
 * browser host. Implementations check the payload with the contract's schema before it leaves.
 */
export type EmitIpcEvent = <E extends IpcEventChannel>(
  channel: E,
  payload: IpcEventPayload<E>,
) => void;

export interface MainServicesOptions {
  /** The resolved data directory (`resolveDataDir`). */
  dataDir: string;
  /** The process environment, for services that read settings from it. */
  env: Record<string, string | undefined>;
  /**
   * The code page Excel writes on this computer, for detecting a file's encoding: from Electron's
   * `app.getSystemLocale()` in the app, from the environment in the browser host.
   */
  systemCodePage: string;
  /** The app's name and version (Electron's `app.getName()` / `app.getVersion()`). */
  app: { name: string; version: string };
  /** Node's `process.platform`, see `AppInfo.platform`. */
  platform: string;
  /** How long-running services (import jobs) report progress to the page. */
  emit: EmitIpcEvent;
  /** Where API keys live: the OS keychain by default; tests pass a memory keyring. */
  keyring?: Keyring;
  /** Told every API key the secret store sees, so the log can mask it (`logger.registerSecret`). */
  registerSecret?: (key: string) => void;
  /** Where failures that are not the user's to fix go (`logger.error`). */
  logError?: (what: string, error: unknown) => void;
  /**
   * The system clipboard (Electron's `clipboard`), for "Copy as curl". Without one (the browser
   * host, tests) the command is kept in memory.
   */
  clipboard?: Clipboard;
  /**
   * What fetches and installs updates: electron-updater in the packaged app (updater-electron.ts),
   * a scripted one in tests. Without one, the Settings screen says this build does not update
   * itself, with `updateUnavailableReason` as its words.
   */
  updater?: Updater | null;
  updateUnavailableReason?: string;
  /** Timers of the daily update check; the real ones by default. */
  clock?: UpdateClock;
}

const realClock: UpdateClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // The daily check never keeps a process (a test, the browser host) alive on its own.
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Everything `registerAllHandlers` needs, built in plain Node, so the Electron main process and the
 * browser host (electron/dev) bind exactly the same handlers to exactly the same services. Electron
 * objects stay out: the caller passes what it learned from them.
 */
export function createMainServices(options: MainServicesOptions): IpcServices {
  // Customer data goes in here: owner only, an older and looser directory made so too.
  securePrivateDataDir(options.dataDir);
  // One registry for the preload's (or the browser host's) registration and the import channels.
  const files = createFileRegistry();
  const secrets = createSecretStore(options.keyring ?? createOsKeyring({ env: options.env }), {
    registerSecret: options.registerSecret,
  });
  const settings = createSettingsStore({ dataDir: options.dataDir });
  let updatesChanged: () => void = () => undefined;
  const imports = createImportService({
    files,
    dataDir: options.dataDir,
    onValidation: (progress) => options.emit('import:validation', progress),
    onJob: (update) => {
      options.emit('import:job', update);
      // A restart asked for during an import happens once it ends or pauses.
      updatesChanged();
    },
    onError: options.logError,
    systemCodePage: options.systemCodePage,
  });
  const updates = createUpdateService({
    updater: options.updater ?? null,
    unavailableReason: options.updateUnavailableReason,
    currentVersion: options.app.version,
    clock: options.clock ?? realClock,
    preferences: settings,
    isImportRunning: () =>
      imports.live().some((job) => job.end === null && job.progress.phase !== 'paused'),
    stopImports: () => imports.interruptAll(),
    onChange: (status) => options.emit('updates:changed', status),
    logError: options.logError,
  });
  updatesChanged = () => updates.importsChanged();
  return {
    settings,
    secrets,
    sendHistory: createSendHistoryStore({ dataDir: options.dataDir }),
    sendTemplates: createSendTemplateStore({ dataDir: options.dataDir }),
    clipboard: options.clipboard ?? createMemoryClipboard(),
    files,
    imports,
    updates,
    ledgerOf: (destination) => Ledger.forDestination(options.dataDir, destination),
    appInfo: {
      name: options.app.name,
      version: options.app.version,
      platform: options.platform,
      dataDir: options.dataDir,
    },
  };
}
