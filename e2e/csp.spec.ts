import { AppFramePage } from './pages/app-frame';
import {
  cspViolations,
  injectInlineScript,
  injectRemoteScript,
  readGlobal,
  recordCspViolations,
} from './support/csp-probe';
import { expect, test } from './support/fixtures';
import { startScriptServer } from './support/script-server';
import type { ScriptServer } from './support/script-server';

// docs/security.md item 6, verbatim.
const productionCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The same minus frame-ancestors, which only works as a header (a meta tag's copy is ignored).
const metaCsp = productionCsp.replace("; frame-ancestors 'none'", '');

let evilHost: ScriptServer;

test.beforeAll(async () => {
  evilHost = await startScriptServer('window.__pwnedRemote = true;');
});

test.afterAll(async () => {
  await evilHost.close();
});

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('the production page carries the CSP as a header and as a meta tag', async ({
  page,
  appServer,
}) => {
  const response = await page.goto(appServer.url);

  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(productionCsp);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    metaCsp,
  );
});

test('the app itself runs under the CSP without a single violation', async ({
  page,
  appServer,
  consoleErrors,
}) => {
  const app = new AppFramePage(page);
  await app.open(appServer.url);
  for (const name of ['Import', 'History', 'Settings'] as const) {
    await app.navItem(name).click();
    await app.expectScreen(name);
  }

  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('an injected inline script does not run', async ({ page, appServer }) => {
  const app = new AppFramePage(page);
  await app.open(appServer.url);

  await injectInlineScript(page, 'window.__pwned = true;');

  expect(await readGlobal(page, '__pwned')).toBeUndefined();
  await expect
    .poll(() => cspViolations(page))
    .toContainEqual({
      effectiveDirective: 'script-src-elem',
      blockedURI: 'inline',
      disposition: 'enforce',
    });

  await app.navItem('History').click();
  await app.expectScreen('History');
});

test('a script from another local origin is blocked before it is requested', async ({
  page,
  appServer,
}) => {
  const app = new AppFramePage(page);
  await app.open(appServer.url);
  const evilUrl = `${evilHost.origin}/evil.js`;

  expect(await injectRemoteScript(page, evilUrl)).toBe('error');

  expect(await readGlobal(page, '__pwnedRemote')).toBeUndefined();
  expect(evilHost.requests).toEqual([]);
  await expect
    .poll(() => cspViolations(page))
    .toContainEqual({
      effectiveDirective: 'script-src-elem',
      blockedURI: evilUrl,
      disposition: 'enforce',
    });

  await app.navItem('Settings').click();
  await app.expectScreen('Settings');
});

test('a script from a remote https host is blocked by the policy', async ({ page, appServer }) => {
  const app = new AppFramePage(page);
  await app.open(appServer.url);
  const remoteUrl = 'https://example.com/x.js';

  // The policy, not the missing internet, must be what stops it: the violation event says so.
  expect(await injectRemoteScript(page, remoteUrl)).toBe('error');
  await expect
    .poll(() => cspViolations(page))
    .toContainEqual({
      effectiveDirective: 'script-src-elem',
      blockedURI: remoteUrl,
      disposition: 'enforce',
    });

  await app.navItem('Import').click();
  await app.expectScreen('Import');
});
