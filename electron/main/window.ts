import { BrowserWindow, screen } from 'electron';
import type { Logger } from './logger';
import { secureWebPreferences } from './web-preferences';
import type { WindowState } from './window-state';
import { createWindowStateSaver, MIN_WINDOW_SIZE, restoreWindowBounds } from './window-state';
import { readWindowState, writeWindowState } from './window-state-file';

export interface MainWindowOptions {
  preloadPath: string;
  /** `app://app/index.html`, or the dev server's URL while developing. */
  startUrl: string;
  dataDir: string;
  isDev: boolean;
  logger: Logger;
}

/** Moves and resizes come in bursts; the state is written once things settle for this long. */
const SAVE_DELAY_MS = 500;

/** The one window: hardened preferences, the size and place it had last time, state saved on change. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const { bounds, isMaximized } = restoreWindowBounds(readWindowState(options.dataDir), [
    primary.workArea,
    ...others.map((display) => display.workArea),
  ]);

  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Customerscore Importer',
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.isDev }),
  });
  if (isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const saver = createWindowStateSaver({
    delayMs: SAVE_DELAY_MS,
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout },
    save: (state) => {
      if (!writeWindowState(options.dataDir, state)) {
        options.logger.warn('Could not save the window position.');
      }
    },
  });
  const snapshot = (): WindowState => {
    const normal = window.getNormalBounds();
    return {
      x: Math.round(normal.x),
      y: Math.round(normal.y),
      width: Math.round(normal.width),
      height: Math.round(normal.height),
      isMaximized: window.isMaximized(),
    };
  };
  const remember = (): void => saver.update(snapshot());
  window.on('move', remember);
  window.on('resize', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    saver.update(snapshot());
    saver.flush();
  });

  window.loadURL(options.startUrl).catch((error: unknown) => {
    options.logger.error(`Could not load ${options.startUrl}`, error);
  });
  return window;
}
