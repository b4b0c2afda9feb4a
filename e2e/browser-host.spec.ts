import { AppFramePage } from './pages/app-frame';
import { expect, test } from './support/browser-host';
import { callApi, hostSocketUrl, probeSocket } from './support/browser-host-probe';
import { cspViolations, recordCspViolations } from './support/csp-probe';
import { startScriptServer } from './support/script-server';

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('the built app runs in a plain browser against the real main-process handlers', async ({
  page,
  host,
  consoleErrors,
}) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  const info = await callApi(page, 'app.getInfo()');
  expect(info).toEqual({
    value: expect.objectContaining({
      name: 'Customerscore Importer',
      platform: process.platform,
      dataDir: host.dataDir,
    }),
  });
  expect(await page.evaluate('Object.isFrozen(window.api)')).toBe(true);
  await app.navItem('Settings').click();
  await app.expectScreen('Settings');

  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a request with a bad payload is refused in plain words', async ({ page, host }) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  expect(await callApi(page, 'app.getInfo({ dataDir: "/etc" })')).toEqual({
    error: expect.stringMatching(/^The request was not valid \(.+\)\.$/),
  });

  const socket = hostSocketUrl(host.origin, host.token);
  const forged = await probeSocket(page, socket, { id: 7, channel: 'app:getInfo', payload: 42 });
  expect(forged.reply).toEqual({
    id: 7,
    result: {
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/not valid/) },
    },
  });
  const unknown = await probeSocket(page, socket, { id: 8, channel: 'secrets:reveal' });
  expect(unknown.reply).toEqual({
    id: 8,
    result: {
      ok: false,
      error: { code: 'invalid_request', message: 'The app has no request named "secrets:reveal".' },
    },
  });
});

test('a page opened without the token cannot call anything', async ({ page, host }) => {
  const app = new AppFramePage(page);
  await app.open(`${host.origin}/index.html`);

  expect(await callApi(page, 'app.getInfo()')).toEqual({
    error: expect.stringContaining('refused this page'),
  });
  const guessed = await probeSocket(page, hostSocketUrl(host.origin, '0'.repeat(64)), {
    id: 1,
    channel: 'app:getInfo',
  });
  expect(guessed).toEqual({ opened: false, reply: null });
});

test('a page of another origin cannot connect, even with the token', async ({ page, host }) => {
  const elsewhere = await startScriptServer('');
  try {
    await page.goto(`${elsewhere.origin}/`);
    const probe = await probeSocket(page, hostSocketUrl(host.origin, host.token), {
      id: 1,
      channel: 'app:getInfo',
    });
    expect(probe).toEqual({ opened: false, reply: null });
  } finally {
    await elsewhere.close();
  }
});

test('a file the page holds reaches the main process as a real file, known by a handle', async ({
  page,
  host,
}) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  const answer = await callApi(
    page,
    `registerFile(new File(['customer_id,event\\ncus_1,signup\\n'], '../Kunden März.csv'))`,
  );

  // The page gets a handle and the name; the copy's path stays in the host.
  expect(answer).toEqual({ value: { handle: expect.any(String), name: 'Kunden März.csv' } });
  const { handle } = (answer as { value: { handle: string } }).value;
  expect(handle).not.toContain('/');
  const opened = await callApi(page, `import.open({ file: ${JSON.stringify(handle)} })`);
  expect(opened).toMatchObject({ value: { file: { header: ['customer_id', 'event'] } } });
});

test('the page cannot open a path, a forged handle, or register a path itself', async ({
  page,
  host,
}) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  for (const file of ['/etc/passwd', `f-${'0'.repeat(32)}`]) {
    expect(await callApi(page, `import.open({ file: ${JSON.stringify(file)} })`)).toEqual({
      error: 'This file is no longer open in the app. Choose it again.',
    });
  }
  expect(await callApi(page, `import.open({ path: '/etc/passwd' })`)).toEqual({
    error: expect.stringMatching(/^The request was not valid/),
  });
  // The preload's own channel is not on window.api, and the host's socket refuses it, token or not.
  expect(await page.evaluate('Object.keys(window.api).includes("preload")')).toBe(false);
  const probe = await probeSocket(page, hostSocketUrl(host.origin, host.token), {
    id: 1,
    channel: 'preload:registerFile',
    payload: { path: '/etc/passwd' },
  });
  expect(probe).toEqual({
    opened: true,
    reply: {
      id: 1,
      result: {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message:
            'Only the app itself may hand over a file by its path, so this request was refused.',
        },
      },
    },
  });
});
