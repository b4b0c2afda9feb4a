import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_NAME } from '../store/paths';
import { startBrowserHost } from './start-browser-host';
import type { BrowserHost, BrowserHostOptions } from './start-browser-host';

const hosts: BrowserHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function start(options: Partial<BrowserHostOptions>): Promise<BrowserHost> {
  const rendererDir = await tempDir('host-renderer-');
  await writeFile(path.join(rendererDir, 'index.html'), '<html><body></body></html>');
  const host = await startBrowserHost({
    rendererDir,
    uploadBase: await tempDir('host-uploads-'),
    ...options,
  });
  hosts.push(host);
  return host;
}

describe("the browser host's data and keychain", () => {
  it('by default uses a temporary data folder, removed when it stops, and keys in memory', async () => {
    // The "real" app-data folder of this test: the host must not pick it without being asked.
    const config = await tempDir('host-config-');
    const host = await start({ env: { XDG_CONFIG_HOME: config, HOME: config } });
    expect(host.keychain).toBe('memory');
    expect(host.temporaryDataDir).toBe(true);
    expect(host.dataDir.startsWith(config)).toBe(false);
    expect(existsSync(host.dataDir)).toBe(true);

    hosts.splice(hosts.indexOf(host), 1);
    await host.close();
    expect(existsSync(host.dataDir)).toBe(false);
    expect(existsSync(path.join(config, DATA_DIR_NAME))).toBe(false);
  });

  it('uses a folder named by CUSTOMERSCORE_HOME and keeps it, still with keys in memory', async () => {
    const home = await tempDir('host-home-');
    const host = await start({ env: { CUSTOMERSCORE_HOME: home } });
    expect(host).toMatchObject({ dataDir: home, temporaryDataDir: false, keychain: 'memory' });
    hosts.splice(hosts.indexOf(host), 1);
    await host.close();
    expect(existsSync(home)).toBe(true);
  });

  it("uses the app's own data folder and the OS keychain only when asked (realProfile)", async () => {
    const config = await tempDir('host-config-');
    const host = await start({
      env: { XDG_CONFIG_HOME: config, HOME: config },
      realProfile: true,
    });
    expect(host).toMatchObject({
      dataDir: path.join(config, DATA_DIR_NAME),
      temporaryDataDir: false,
      keychain: 'os',
    });
  });
});
