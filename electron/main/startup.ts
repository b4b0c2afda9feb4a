import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { IpcEventChannel } from '../../shared/ipc';
import { resolveDataDir } from '../store/paths';
import { resolveDevServerUrl } from './dev-server';
import { createEventEmitter } from './emit-event';
import { openExternalUrl } from './external-links';
import { registerAllHandlers, type IpcServices } from './ipc/index';
import type { IpcMainLike } from './ipc/register';
import { createTrustedSenderCheck } from './ipc/trusted-sender';
import { createLogger, logFilePath } from './logger';
import type { Logger } from './logger';
import { buildMenuTemplate } from './menu';
import { installNavigationGuard, type NavigationTarget } from './navigation';
import { APP_ORIGIN_URL } from './protocol';
import { ansiCodePageFor } from '../engine/reading/code-pages';
import { createMainServices } from './services';
import type { Updater } from './updates/update-service';
import type { MainWindowOptions } from './window';

/** The part of Electron's `app` the startup uses. */
export interface StartupApp {
  readonly isPackaged: boolean;
  enableSandbox(): void;
  getPath(name: 'appData'): string;
  setPath(name: 'userData', path: string): void;
  requestSingleInstanceLock(): boolean;
  getName(): string;
  getVersion(): string;
  /** The operating system's locale (`cs-CZ`), for the code page Excel writes here. */
  getSystemLocale(): string;
  isReady(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code: number): void;
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: NavigationTarget) => void,
  ): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The part of a `BrowserWindow` the startup uses. */
export interface StartupWindow {
  on(event: 'closed', listener: () => void): unknown;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  readonly webContents: { send(channel: IpcEventChannel, payload: unknown): void };
}

/**
 * The Electron pieces the startup calls, passed in by `index.ts` so that the order of the calls
 * (some only take effect before the app is ready, others need it ready) is tested in plain Node.
 */
export interface StartupElectron {
  app: StartupApp;
  ipcMain: IpcMainLike;
  /** Declares app:// privileged; Electron accepts this only before ready. */
  registerAppSchemePrivileges(): void;
  /** Locks down the window's session (`hardenSession` on `session.defaultSession`); after ready. */
  hardenDefaultSession(devServerUrl: URL | null): void;
  /** Serves the built renderer folder on app://; after ready. */
  serveAppProtocol(rendererDir: string): void;
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  createMainWindow(options: MainWindowOptions): StartupWindow;
  openExternal(url: string): Promise<void>;
  openPath(path: string): Promise<string>;
  /** Electron's clipboard.writeText, which returns a promise: the send service awaits it. */
  writeClipboardText(text: string): void | Promise<void>;
  /** Electron's clipboard.readText: a copied key is cleared only if it is still there. */
  readClipboardText(): string | Promise<string>;
  /**
   * electron-updater, adapted (updater-electron.ts); used only by a packaged app, since a
   * development build has no feed to update from.
   */
  createUpdater?(log: Logger): Updater | null;
}

export interface StartupOptions {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The built app's folder (`out/`), which holds `preload/` and `renderer/`. */
  outDir: string;
}

/**
 * Starts the app: the sandbox and the app:// privileges before ready (docs/security.md items 4 and
 * 5), then, once ready, the hardened session, app://, the services and their IPC handlers, the
 * menu, and last the window, so that the page never runs before its protections and handlers are in
 * place (items 8 and 9).
 */
export function startApp(electron: StartupElectron, options: StartupOptions): void {
  const { app } = electron;
  electron.registerAppSchemePrivileges();
  app.enableSandbox();

  const dataDir = resolveDataDir(options.env, app.getPath('appData'));
  // Chromium's own storage goes with ours, so CUSTOMERSCORE_HOME isolates a test run completely.
  app.setPath('userData', dataDir);
  const logger = createLogger({ filePath: logFilePath(dataDir) });
  const devServerUrl = resolveDevServerUrl(options.env['ELECTRON_RENDERER_URL'], app.isPackaged);
  const preloadPath = path.join(options.outDir, 'preload', 'index.cjs');
  const rendererDir = path.join(options.outDir, 'renderer');

  let mainWindow: StartupWindow | null = null;
  let services: IpcServices | null = null;
  let quitting = false;

  function openMainWindow(): void {
    const window = electron.createMainWindow({
      preloadPath,
      startUrl: devServerUrl?.href ?? `${APP_ORIGIN_URL}/index.html`,
      dataDir,
      isDev: devServerUrl !== null,
      logger,
    });
    mainWindow = window;
    window.on('closed', () => {
      mainWindow = null;
    });
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  logger.info(`Starting ${app.getName()} ${app.getVersion()} (data in ${dataDir})`);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuard(contents, (url) => {
      void openExternalUrl(url, (safe) => electron.openExternal(safe)).then((opened) => {
        if (!opened) logger.warn('Refused to open a link that is not a plain https address.');
      });
    });
  });

  // Running uploads stop cleanly (journal marked, requests under way answered) so that the next
  // start offers to resume them; a crash resumes too, this only makes it tidy.
  app.on('before-quit', (event) => {
    if (quitting || !services) return;
    event.preventDefault();
    quitting = true;
    services.updates.stop();
    void services.imports
      .interruptAll()
      .catch((error: unknown) => logger.error('Stopping the running imports failed', error))
      .finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && app.isReady()) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      electron.hardenDefaultSession(devServerUrl);
      electron.serveAppProtocol(rendererDir);

      services = createMainServices({
        dataDir,
        env: options.env,
        app: { name: app.getName(), version: app.getVersion() },
        systemCodePage: ansiCodePageFor(app.getSystemLocale()),
        platform: options.platform,
        registerSecret: (key) => logger.registerSecret(key),
        logError: (what, error) => logger.error(what, error),
        clipboard: {
          writeText: (text) => electron.writeClipboardText(text),
          readText: () => electron.readClipboardText(),
        },
        emit: createEventEmitter((channel, payload) => {
          mainWindow?.webContents.send(channel, payload);
        }),
        updater: app.isPackaged ? (electron.createUpdater?.(logger) ?? null) : null,
        updateUnavailableReason: app.isPackaged
          ? 'This build has no update feed (a test build): it does not update itself.'
          : 'This is a development build: it does not update itself.',
      });
      registerAllHandlers(electron.ipcMain, services, {
        isTrustedSender: createTrustedSenderCheck({ devServerUrl }),
        onError: (channel, error) => logger.error(`IPC ${channel} failed`, error),
      });

      electron.setApplicationMenu(
        buildMenuTemplate({
          platform: options.platform,
          appName: app.getName(),
          isDev: devServerUrl !== null,
          openLogFile: () => {
            void electron.openPath(logger.filePath);
          },
        }),
      );

      openMainWindow();
      // At start (when automatic) and once a day; the page asks for the state when it shows it.
      void services.updates.start();
    })
    .catch((error: unknown) => {
      logger.error('The app could not start', error);
      app.exit(1);
    });
}
