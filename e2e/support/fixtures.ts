import { test as base } from '@playwright/test';
import { startAppServer } from './app-server';
import type { AppServer } from './app-server';

export interface AppFixtures {
  /** The production build served through the app:// protocol handler, on a port of its own. */
  appServer: AppServer;
  /** Console errors and uncaught exceptions of the page, collected from the first navigation. */
  consoleErrors: string[];
}

export const test = base.extend<AppFixtures>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  appServer: async ({}, use) => {
    const server = await startAppServer();
    await use(server);
    await server.close();
  },
  // Automatic, so the listeners are on before the first navigation even when a test only reads the
  // errors at the end (or in afterEach).
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
