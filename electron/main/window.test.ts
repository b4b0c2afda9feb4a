import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from './logger';
import { secureWebPreferences } from './web-preferences';

// No Electron binary here: a stand-in BrowserWindow records what the factory builds it with.
const built = vi.hoisted(() => ({ options: [] as unknown[] }));
vi.mock('electron', () => {
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  class FakeBrowserWindow {
    constructor(options: unknown) {
      built.options.push(options);
    }
    maximize(): void {}
    show(): void {}
    once(): void {}
    on(): void {}
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds(): typeof workArea {
      return workArea;
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea }),
      getAllDisplays: () => [{ id: 1, workArea }],
    },
  };
});

const { createMainWindow } = await import('./window');

const dirs: string[] = [];
afterEach(() => {
  built.options.length = 0;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const logger: Logger = {
  filePath: '',
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  registerSecret: () => undefined,
  redact: (text) => text,
};

function open(isDev: boolean): void {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'window-'));
  dirs.push(dataDir);
  createMainWindow({
    preloadPath: '/app/preload.js',
    startUrl: 'app://app/index.html',
    dataDir,
    isDev,
    logger,
  });
}

describe('the main window', () => {
  it('is built with the shared secure web preferences, developer tools off in a release', () => {
    open(false);
    expect(built.options).toEqual([
      expect.objectContaining({ webPreferences: secureWebPreferences('/app/preload.js') }),
    ]);
    expect(built.options[0]).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
  });

  it('turns on only developer tools while developing', () => {
    open(true);
    expect(built.options).toEqual([
      expect.objectContaining({
        webPreferences: secureWebPreferences('/app/preload.js', { devTools: true }),
      }),
    ]);
  });
});
