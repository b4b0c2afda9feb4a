import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Opens logs/main.log in the OS's text viewer (support asks for it). */
  openLogFile: () => void;
  /** Development build: adds Reload and Toggle Developer Tools. */
  isDev?: boolean;
}

/** Standard edit roles: without them, copy, paste and undo shortcuts do nothing on macOS. */
export const EDIT_ROLES = [
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
] as const;

export const OPEN_LOG_FILE_LABEL = 'Open Log File';

/**
 * The application menu. Reload and developer tools exist only in development: a reload in a release
 * would throw away a half-finished import wizard, and developer tools would open a console inside
 * the page that holds the bridge.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({ label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  template.push({
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  template.push({
    role: 'help',
    submenu: [{ label: OPEN_LOG_FILE_LABEL, click: () => options.openLogFile() }],
  });

  return template;
}
