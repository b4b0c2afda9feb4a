import path from 'node:path';
import { app, clipboard, ipcMain, Menu, session, shell } from 'electron';
import { registerAppSchemePrivileges, serveAppProtocol } from './app-protocol';
import { hardenSession } from './session';
import { startApp } from './startup';
import { createElectronUpdater } from './updater-electron';
import { createMainWindow } from './window';

// Wiring only: the startup sequence, and every decision, lives in a tested module.
startApp(
  {
    app,
    ipcMain,
    registerAppSchemePrivileges,
    hardenDefaultSession: (devServerUrl) => hardenSession(session.defaultSession, devServerUrl),
    serveAppProtocol,
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    createMainWindow,
    openExternal: (url) => shell.openExternal(url),
    openPath: (file) => shell.openPath(file),
    writeClipboardText: (text) => clipboard.writeText(text),
    readClipboardText: () => clipboard.readText(),
    createUpdater: (log) => createElectronUpdater(log),
  },
  { env: process.env, platform: process.platform, outDir: path.join(import.meta.dirname, '..') },
);
