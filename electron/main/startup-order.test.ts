import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp, type StartupApp, type StartupElectron, type StartupWindow } from './startup';

// docs/security.md items 4, 5, 8 and 9: some calls only take effect before the app is ready,
// others need it ready and must come before the page runs. Electron cannot run here, so the
// startup runs against fakes that record each call and whether the app was ready when it came.

interface Call {
  name: string;
  ready: boolean;
}

function fakeElectron(options: { singleInstance?: boolean } = {}) {
  const calls: Call[] = [];
  let ready = false;
  let becomeReady: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => {
    becomeReady = resolve;
  });
  const record = (name: string): void => {
    calls.push({ name, ready });
  };
  const window: StartupWindow = {
    on: () => window,
    isMinimized: () => false,
    restore: () => {},
    focus: () => {},
    webContents: { send: () => {} },
  };
  const app: StartupApp = {
    isPackaged: true,
    enableSandbox: () => record('app.enableSandbox'),
    getPath: () => tmpdir(),
    setPath: () => record('app.setPath'),
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    getName: () => 'Customerscore Importer',
    getVersion: () => '0.0.0-test',
    getSystemLocale: () => 'cs-CZ',
    isReady: () => ready,
    whenReady: () => {
      record('app.whenReady');
      return whenReady;
    },
    quit: () => record('app.quit'),
    exit: (code: number) => record(`app.exit(${code})`),
    on: (event: string) => record(`app.on(${event})`),
  };
  const electron: StartupElectron = {
    app,
    ipcMain: { handle: (channel) => record(`ipcMain.handle(${channel})`) },
    registerAppSchemePrivileges: () => record('registerAppSchemePrivileges'),
    hardenDefaultSession: () => record('hardenDefaultSession'),
    serveAppProtocol: () => record('serveAppProtocol'),
    setApplicationMenu: () => record('setApplicationMenu'),
    createMainWindow: () => {
      record('createMainWindow');
      return window;
    },
    openExternal: async () => {},
    openPath: async () => '',
    writeClipboardText: () => {},
    readClipboardText: () => '',
  };
  return {
    electron,
    calls,
    /** Makes the fake app ready and lets the startup's `whenReady` continuation run. */
    async makeReady(): Promise<void> {
      ready = true;
      becomeReady();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function start(fake: ReturnType<typeof fakeElectron>): void {
  const home = mkdtempSync(path.join(tmpdir(), 'csi-startup-home-'));
  startApp(fake.electron, {
    env: { CUSTOMERSCORE_HOME: home },
    platform: 'linux',
    outDir: path.join(home, 'out'),
  });
}

function indexOf(calls: readonly Call[], name: string): number {
  const index = calls.findIndex((call) => call.name === name);
  expect(index, `${name} is called`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the app startup', () => {
  it('enables the sandbox for every renderer before the app is ready', async () => {
    const fake = fakeElectron();
    start(fake);
    await fake.makeReady();
    expect(fake.calls.filter((call) => call.name === 'app.enableSandbox')).toEqual([
      { name: 'app.enableSandbox', ready: false },
    ]);
  });

  it('registers the app:// scheme privileges before the app is ready', async () => {
    const fake = fakeElectron();
    start(fake);
    await fake.makeReady();
    expect(fake.calls.filter((call) => call.name === 'registerAppSchemePrivileges')).toEqual([
      { name: 'registerAppSchemePrivileges', ready: false },
    ]);
  });

  it('hardens the session, serves app:// and registers the handlers before opening the window', async () => {
    const fake = fakeElectron();
    start(fake);
    expect(fake.calls.map((call) => call.name)).not.toContain('createMainWindow');
    await fake.makeReady();

    const window = indexOf(fake.calls, 'createMainWindow');
    expect(fake.calls[window]?.ready).toBe(true);
    for (const name of ['hardenDefaultSession', 'serveAppProtocol', 'setApplicationMenu']) {
      const index = indexOf(fake.calls, name);
      expect(fake.calls[index]?.ready, `${name} after ready`).toBe(true);
      expect(index, `${name} before the window`).toBeLessThan(window);
    }
    const lastHandler = fake.calls.findLastIndex((call) => call.name.startsWith('ipcMain.handle('));
    expect(lastHandler, 'IPC handlers are registered').toBeGreaterThanOrEqual(0);
    expect(lastHandler, 'every IPC handler before the window').toBeLessThan(window);
    expect(fake.calls.filter((call) => call.name === 'createMainWindow')).toHaveLength(1);
  });

  it('a second instance quits, still sandboxed, without opening a window', async () => {
    const fake = fakeElectron({ singleInstance: false });
    start(fake);
    await fake.makeReady();
    const names = fake.calls.map((call) => call.name);
    expect(names).toContain('app.quit');
    expect(names).toContain('app.enableSandbox');
    expect(names).not.toContain('app.whenReady');
    expect(names).not.toContain('createMainWindow');
  });
});
