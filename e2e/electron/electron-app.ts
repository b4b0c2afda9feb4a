import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronPackageDir, findElectronBinary } from '../support/electron-binary';

/**
 * What to launch: the packaged e2e build named by `CSI_E2E_APP_PATH` (the release pipeline sets
 * it), else the development build in `out/` with the installed Electron binary, else nothing.
 */
export const packagedApp = process.env['CSI_E2E_APP_PATH'] ?? null;
export const electronBinary = packagedApp ?? findElectronBinary(electronPackageDir());
const mainEntry = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  /** The app's own `CUSTOMERSCORE_HOME`, removed by `close`. */
  home: string;
  close(): Promise<void>;
}

/** Starts the app with a data directory of its own and waits for its first window. */
export async function launchApp(artifactsDir: string): Promise<LaunchedApp> {
  if (!electronBinary) throw new Error('No Electron binary: the test should have been skipped.');
  const home = await mkdtemp(path.join(tmpdir(), 'customerscore-electron-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const app = await _electron.launch({
    executablePath: electronBinary,
    args: packagedApp ? [] : [mainEntry],
    env: { ...env, CUSTOMERSCORE_HOME: home },
    artifactsDir,
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    home,
    async close() {
      await app.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
