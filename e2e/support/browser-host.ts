import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcServices } from '../../electron/main/ipc/index';
import { startBrowserHost } from '../../electron/dev/start-browser-host';
import type { BrowserHost } from '../../electron/dev/start-browser-host';
import type { Updater } from '../../electron/main/updates/update-service';
import { rendererBuildDir } from './app-server';
import { test as appTest } from './fixtures';

export interface HostFixtures {
  /**
   * The built UI served by the browser host, bound to the real main-process handlers, with a data
   * directory of its own (`CUSTOMERSCORE_HOME`, removed after the test) and a port of its own.
   * `host.url` carries the access token; `host.emit` sends a contract event to the page.
   */
  host: BrowserHost;
}

export interface HostOptions {
  /**
   * Extra environment for the host's services (e.g. a Track API endpoint). Static values:
   * `test.use({ hostEnv: {...} })`; values from another fixture: override it in `test.extend`,
   * `hostEnv: async ({ emulator }, use) => use({ ... })`.
   */
  hostEnv: Record<string, string>;
  /** Services to replace (fakes), overridden the same way as `hostEnv`. */
  hostServices: Partial<IpcServices>;
  /** What Settings' Updates section talks to (a scripted updater); none by default. */
  hostUpdater: Updater | null;
}

export const test = appTest.extend<HostFixtures & HostOptions>({
  hostEnv: [{}, { option: true }],
  hostServices: [{}, { option: true }],
  hostUpdater: [null, { option: true }],
  host: async ({ hostEnv, hostServices, hostUpdater }, use) => {
    const home = await mkdtemp(path.join(tmpdir(), 'customerscore-e2e-'));
    const host = await startBrowserHost({
      rendererDir: rendererBuildDir,
      env: { ...hostEnv, CUSTOMERSCORE_HOME: home },
      services: hostServices,
      updater: hostUpdater,
    });
    try {
      await use(host);
    } finally {
      await host.close();
      await rm(home, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
