import path from 'node:path';
import { app, clipboard, ipcMain, Menu, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { resolveDataDir } from '../store/paths';
import { registerAppSchemePrivileges, serveAppProtocol } from './app-protocol';
import { resolveDevServerUrl } from './dev-server';
import { openExternalUrl } from './external-links';
import { registerAllHandlers, type IpcServices } from './ipc/index';
import { createTrustedSenderCheck } from './ipc/trusted-sender';
import { createEventEmitter } from './emit-event';
import { createLogger, logFilePath } from './logger';
import { buildMenuTemplate } from './menu';
import { installNavigationGuard } from './navigation';
import { APP_ORIGIN_URL } from './protocol';
import { hardenSession } from './session';
import { createMainServices } from './services';
import { createMainWindow } from './window';

// Wiring only: every decision lives in a tested module.

registerAppSchemePrivileges();
app.enableSandbox();

const dataDir = resolveDataDir(process.env, app.getPath('appData'));
// Chromium's own storage goes with ours, so CUSTOMERSCORE_HOME isolates a test run completely.
app.setPath('userData', dataDir);
const logger = createLogger({ filePath: logFilePath(dataDir) });
const devServerUrl = resolveDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const outDir = path.join(import.meta.dirname, '..');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');
const rendererDir = path.join(outDir, 'renderer');

let mainWindow: BrowserWindow | null = null;
let services: IpcServices | null = null;
let quitting = false;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    startUrl: devServerUrl?.href ?? `${APP_ORIGIN_URL}/index.html`,
    dataDir,
    isDev: devServerUrl !== null,
    logger,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  logger.info(`Starting ${app.getName()} ${app.getVersion()} (data in ${dataDir})`);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuard(contents, (url) => {
      void openExternalUrl(url, (safe) => shell.openExternal(safe)).then((opened) => {
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
    void services.imports
      .interruptAll()
      .catch((error: unknown) => logger.error('Stopping the running imports failed', error))
      .finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && app.isReady()) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, devServerUrl);
      serveAppProtocol(rendererDir);

      services = createMainServices({
        dataDir,
        env: process.env,
        app: { name: app.getName(), version: app.getVersion() },
        platform: process.platform,
        registerSecret: (key) => logger.registerSecret(key),
        logError: (what, error) => logger.error(what, error),
        clipboard: { writeText: (text) => clipboard.writeText(text) },
        emit: createEventEmitter((channel, payload) => {
          mainWindow?.webContents.send(channel, payload);
        }),
      });
      registerAllHandlers(ipcMain, services, {
        isTrustedSender: createTrustedSenderCheck({ devServerUrl }),
        onError: (channel, error) => logger.error(`IPC ${channel} failed`, error),
      });

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            appName: app.getName(),
            isDev: devServerUrl !== null,
            openLogFile: () => {
              void shell.openPath(logger.filePath);
            },
          }),
        ),
      );

      openMainWindow();
    })
    .catch((error: unknown) => {
      logger.error('The app could not start', error);
      app.exit(1);
    });
}
